/** The overhead benchmarks' chat turn: some personal data in it, so llmshield has something to cloak when on. */
export const WORKLOAD_MESSAGES = [
  { role: 'system', content: 'You are a concise assistant for a customer support team. Answer in two sentences.' },
  {
    role: 'user',
    content:
      'Please summarise this ticket for the handover. Customer Maria Keller (maria.keller@example.com, +49 30 901820) ' +
      'reports that invoices since March show the wrong VAT rate and the export to CSV drops the last line. She ' +
      'tried re-running the export twice and cleared the cache; the problem persists on both the web app and the ' +
      'desktop client. Priority is normal, but she needs the corrected invoices before the end of the quarter.',
  },
];
