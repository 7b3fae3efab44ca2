/**
 * Template families of the second held-out split (v2). Written after the v1 report and before any
 * further tuning; their wording and layouts appear in no other family, and they are used only for the
 * v2 held-out set: never for training, tuning or threshold choice.
 */
import type { Family } from './templates';

export const FAMILIES_V2: Family[] = [
  {
    name: 'crm_note',
    lower: 0.05,
    templates: [
      'Account owner changed to {name} on {date}. Previous owner {name2} moved to the {job} team.',
      'Logged call with {first} from {company} — wants a quote for 40 seats, decision expected {date}. Follow up: {phone}.',
      'Lead source: webinar. Contact {name} <{email}>, {job}. Billing entity registered at {addr}.',
      'Opportunity {order} stalled; champion {first} {last} left. New sponsor: {tname2}.',
      'Renewal risk: {name} complained twice about invoices sent to the wrong address ({street}, {city}).',
      'Met {first} and {first2} at the trade fair. {last2} asked for the pricing deck via {email2}.',
    ],
  },
  {
    name: 'hr_onboarding',
    lower: 0.02,
    templates: [
      'New starter: {name}\nStart date: {date}\nManager: {name2}\nHome address: {addr_ml}\nPersonal phone: {phone}',
      'Welcome aboard, {first}! Your buddy for the first month is {name2}. Payroll needs your IBAN ({iban}) by Friday.',
      'Onboarding checklist for {first} {last}: laptop shipped to {addr}; badge photo pending; SSN {ssn} received by payroll.',
      'Offer letter — {tname}, {job}, {money} per year. Please countersign and return to {email2}.',
      'Equipment return for leaver {name}: courier pickup at {street}, {unit} on {date}. Reach them at {phone}.',
      'Bank details updated for employee {order}: account holder {name}, IBAN {iban}. Approved by {first2}.',
    ],
  },
  {
    name: 'travel_booking',
    lower: 0.04,
    templates: [
      'Booking confirmed. Passenger: {name}. Flight {order} departs {date} at {time}. E-ticket sent to {email}.',
      'Hotel reservation under {last}, {first} — 3 nights, guaranteed with card {card}.',
      'PASSENGER NAME RECORD\nTraveller 1: {name}\nTraveller 2: {name2}\nContact phone: {phone}\nBilling: {addr}',
      'Your driver {first2} will meet {tname} at arrivals and take you to {addr}.',
      'Change request from {name}: move the return leg to {date}; reach me at {phone} if fares differ.',
      'Visa invitation for {name}, residing at {addr_ml}, host company {company}.',
    ],
  },
  {
    name: 'medical_intake',
    lower: 0.02,
    templates: [
      'Patient intake\nPatient name: {name}\nDOB: {date}\nInsurance member ID: {ssn}\nResidence: {addr}\nNext of kin: {name2}, {phone2}',
      'Triage note: {first} {last} presented with chest pain at {time}. Brought in by spouse {first2}.',
      'Prescription for {tname} sent to the pharmacy at {street}, {city}. Pharmacist on duty: {name2}.',
      'Consent form signed by {name} (guardian: {name2}). Copy e-mailed to {email}.',
      'Follow-up appointment for {name} with {tname2} on {date}. Reminder SMS to {phone}.',
      'Allergies: penicillin. Referring physician: {tname2}. Home address on file: {addr}.',
    ],
  },
  {
    name: 'chat_transcript',
    lower: 0.5,
    templates: [
      '[{time}] {first}: anyone seen {first2} today?\n[{time}] {first3}: {first2} is out sick, ask {name} instead',
      '<{first}> pushed the fix, can {first2} review?\n<{first2}> sure, after lunch\n<{first}> thx. btw {name3} wants the logs from {ip}',
      '{first}: my new address is {addr}\n{first2}: noted, updating the sheet',
      'support-bot: hi {first}! to verify, what is the email on the account?\nuser: {email}\nsupport-bot: thanks {first}, connecting you to {name2}',
      '{first} joined the channel\n{first}: hey all, I am {name}, new on the {job} team\n{first2}: welcome {first}!',
      '{first2} (dm): can you wire me {money}? my iban is {iban}\n{first}: on it',
    ],
  },
  {
    name: 'git_pr',
    lower: 0.02,
    templates: [
      'Merge pull request #{order} from {first}/fix-login\n\nCo-authored-by: {name} <{email}>',
      'commit {order}\nAuthor: {name} <{email}>\nDate: {date}\n\n    Fix address formatting for {city}',
      'Reviewers: {name}, {name2}\nThanks {first2} for catching the timeout on {host}.',
      'Signed-off-by: {name} <{email}>\nReported-by: {name2} <{email2}>',
      'Revert "use {ip} as fallback resolver"\n\nThis broke staging for {first} and {first2}.',
      'fix(billing): mask card numbers like {card} in logs\n\nReported by {tname} from {company}.',
    ],
  },
];
