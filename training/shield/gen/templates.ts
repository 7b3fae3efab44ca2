/**
 * Template families of the synthetic PII texts. A template is text with `{slot}` markers (slots.ts).
 * Families, not single templates, are the unit of the development / held-out split (split.ts): a
 * held-out family's wording is never seen while tuning or training.
 */

export interface Family {
  name: string;
  /** Probability that a sample of this family is written entirely in lower case. */
  lower: number;
  templates: string[];
}

export const FAMILIES: Family[] = [
  {
    name: 'chat_intro',
    lower: 0.25,
    templates: [
      "hey! I'm {first}, we met at the {company} meetup last week. can you send the slides to {email}?",
      'Hi there, my name is {name} and I need help resetting my password. My phone is {phone}.',
      "{first} here. I moved to {addr} so please update my profile, thanks",
      'Hello, this is {name}. My colleague {name2} said you could help with our {product} order {order}.',
      'Quick question from {first}: can I pay the {money} invoice with card {card}?',
      "yo it's {first} {last}. text me on {phone} when you're around",
      "I'm writing on behalf of my mother, {name2}. She lives at {street}, {city} and can't use email.",
      'Can you check why {email} cannot log in from {ip}? It worked on {date}.',
      "Thanks {first2}! I'll forward it to {name} in the {job} team.",
      'Good morning, {tname} asked me to confirm the delivery to {addr} for {date}.',
    ],
  },
  {
    name: 'support_ticket',
    lower: 0.03,
    templates: [
      'Ticket {order}\nCustomer: {name}\nEmail: {email}\nPhone: {phone}\nIssue: {product} arrived damaged on {date}. Customer asks for a refund of {money}.',
      'Priority: high\nReporter: {name}\nAffected user: {name2} ({email2})\nDescription: cannot access billing since {date}; last login from {ip}.',
      'Case #{order} opened by {first} {last}. Callback number {phone}. Shipping address on file: {addr}.',
      '[{company} Support] Hello {first}, your request {order} has been updated. Agent {name2} replied: we have re-sent the parcel to {street}.',
      'Customer {name} reports a duplicate charge on card ending {card}. Please contact them at {email} or {phone}.',
      'Escalation: {tname} says the technician never arrived at {addr_ml}\nPreferred contact: {phone}',
    ],
  },
  {
    name: 'email_signature',
    lower: 0.02,
    templates: [
      'Thanks for the quick turnaround.\n\nBest regards,\n{name}\n{job}\n{company}\n{phone}\n{email}',
      'See you on {date}.\n\nCheers,\n{first}\n\n{name} | {job} | {company}\nM: {phone}\n{addr}',
      'Kind regards\n\n{name}\n{company}\n{addr_ml}\nTel. {phone}',
      'Let me know if anything is unclear.\n--\n{name}\n{job}, {company}\nOffice: {phone}\nMobile: {phone2}',
      'Sincerely,\n{tname}\n{job}\n{street}\n{city}\n{email}',
      'Best,\n{first}\n\nSent from my phone. {company}, {addr}',
    ],
  },
  {
    name: 'json_record',
    lower: 0,
    templates: [
      '{"id": "{order}", "name": "{name}", "email": "{email}", "phone": "{phone}", "created": "{date}"}',
      '{\n  "customer": {\n    "firstName": "{first}",\n    "lastName": "{last}",\n    "address": "{addr}"\n  },\n  "total": "{money}"\n}',
      '[{"user": "{name}", "ip": "{ip}"}, {"user": "{name2}", "ip": "{ip2}"}]',
      '{"payment": {"holder": "{name}", "card": "{card}", "iban": "{iban}"}, "status": "pending"}',
      '{"contact": {"full_name": "{name}", "mobile": "{phone}", "street": "{street}", "city": "{city}", "zip": "{zip}"}}',
      '{"employee": "{name}", "title": "{job}", "ssn": "{ssn}", "manager": "{name2}"}',
    ],
  },
  {
    name: 'log_line',
    lower: 0,
    templates: [
      '{date}T{time}:07Z INFO auth: login ok user={email} ip={ip} agent="Mozilla/5.0"',
      '{date} {time} WARN payments: card {card} declined for customer "{name}" (order {order})',
      '[{time}] ERROR mailer: bounce for {email}: 550 mailbox unavailable',
      'level=info msg="profile updated" user_id={order} name="{name}" phone="{phone}" src_ip={ip}',
      '{date} {time} DEBUG geo: resolved "{addr}" for account {order}',
      '{ip} - - [{date}:{time}:11 +0000] "GET /api/v2/users/{order} HTTP/1.1" 200 512 "-" "curl/8.4.0"',
    ],
  },
  {
    name: 'csv_row',
    lower: 0,
    templates: [
      'name,email,phone\n{name},{email},{phone}\n{name2},{email2},{phone2}',
      'id;full_name;street;city;postcode\n{order};{name};{street};{city};{zip}',
      'first_name,last_name,ssn,date_of_birth\n{first},{last},{ssn},{date}',
      '"customer","card_number","amount"\n"{name}","{card}","{money}"',
      'host,ip,owner\n{host},{ip},{email}\n{host2},{ip2},{email2}',
    ],
  },
  {
    name: 'shipping_order',
    lower: 0.03,
    templates: [
      'Ship to:\n{name}\n{addr_ml}\n\nOrder {order} – {product} ×2',
      'Your order {order} is on its way to {name}, {addr}. Expected delivery {date}.',
      'Delivery address: {street}, {unit}, {city} {zip}. Recipient: {name}, phone {phone}.',
      'Please deliver the {product} to {tname} at {addr}. Leave it with the neighbour, {name2}, if nobody answers.',
      'RETURN TO SENDER\n{company}\n{addr_ml}',
      'Pickup point changed for {first} {last}: now {addr}. Questions? Call {phone}.',
    ],
  },
  {
    name: 'form_fields',
    lower: 0.02,
    templates: [
      'Full name: {name}\nDate of birth: {date}\nSSN: {ssn}\nAddress: {addr}\nPhone: {phone}',
      'Applicant: {name}\nE-mail: {email}\nCurrent address: {addr_ml}\nEmployer: {company}',
      'Name of account holder: {name}\nIBAN: {iban}\nBank: {company}',
      'Emergency contact: {name2} ({phone2})\nPatient: {name}\nHome: {addr}',
      'Surname: {last}\nGiven name(s): {first}\nPostcode: {zip}\nCountry: {country}',
      'Card holder: {name}\nCard number: {card}\nBilling address: {addr}',
    ],
  },
  {
    name: 'narrative',
    lower: 0.05,
    templates: [
      '{name} grew up in {city} before moving to {addr} in {date}.',
      'After the meeting, {first} told {name2} that the {product} prototype would be ready by {date}.',
      'The report was written by {tname}, who has worked at {company} as a {job} for six years.',
      'When {first} called {phone} nobody answered, so she drove to {street} instead.',
      '{name} and {name2} are co-founders of {company}; {last} handles sales while {first2} runs engineering.',
      'Yesterday {first} lost a wallet with the card {card} near {city}.',
      'According to the police report, {name} was last seen at {addr}.',
    ],
  },
  {
    name: 'payment',
    lower: 0.03,
    templates: [
      'Please charge {money} to my card {card}, expiry 09/28.',
      'Wire the deposit of {money} to {name}, IBAN {iban}, reference {order}.',
      'I was billed twice on card {card} – once on {date} and again later. Can you refund one?',
      'Refund to account {iban} (holder {name}) approved by {name2}.',
      'New card for {name}: {card}. Old card {card2} is blocked.',
      'Paid via bank transfer from {iban}, {money}, {date}.',
    ],
  },
  {
    name: 'meeting_notes',
    lower: 0.05,
    templates: [
      'Attendees: {name}, {name2}, {name3}\nAction items:\n- {first} to send the {product} specs\n- {first2} to book the room for {date}',
      'Notes {date}: {first} presented the roadmap; {last2} raised concerns about the {company} contract.',
      'Standup – {first}: finished the migration. {first2}: blocked on access. {first3}: on leave until {date}.',
      'Decision: {name} owns the vendor review. Follow-up with {tname2} next week.',
      'Interview panel for the {job} role: {name}, {name2}. Candidate: {name3}, {email3}.',
    ],
  },
  {
    name: 'letter',
    lower: 0.02,
    templates: [
      'Dear {tname},\n\nThank you for your letter of {date}. We have updated your address to {addr}.\n\nYours sincerely,\n{name2}',
      'Dear {first},\nyour appointment with {tname2} is confirmed for {date} at {time}.\nBest wishes,\n{company}',
      '{name}\n{addr_ml}\n\n{date}\n\nDear Sir or Madam,\nI am writing to dispute the charge on card {card}.',
      'To whom it may concern,\n\nI confirm that {name}, born {date}, has lived at {addr} since 2019.\n\n{tname2}',
      'Dear {name},\nplease find enclosed the contract. Contact me at {email2} or {phone2}.\nRegards, {first2}',
    ],
  },
  {
    name: 'sms',
    lower: 0.35,
    templates: [
      'call me on {phone}',
      'its {first}, new number {phone}',
      'running late, tell {first2} im at {street}',
      'send it to {email} pls',
      "{first} {last} here, what's the wifi password?",
      'meet at {addr} at {time}?',
      'ok. my card is {card} if you need it',
    ],
  },
  {
    name: 'code_snippet',
    lower: 0,
    templates: [
      'const user = { name: "{name}", email: "{email}", phone: "{phone}" };\nawait db.insert(users).values(user);',
      'INSERT INTO customers (name, street, city) VALUES (\'{name}\', \'{street}\', \'{city}\');',
      'def test_signup():\n    resp = client.post("/signup", json={"name": "{name}", "email": "{email}"})\n    assert resp.status_code == 201',
      "curl -X POST https://api.example.com/v1/payments -d card='{card}' -d holder='{name}'",
      '# TODO({first}): remove hard-coded IP {ip} before release\nALLOWED_HOSTS = ["{host}"]',
      'expect(formatAddress(input)).toBe("{addr}");',
    ],
  },
  {
    name: 'call_transcript',
    lower: 0.2,
    templates: [
      'Agent: Thank you for calling {company}, who am I speaking with?\nCaller: Hi, it is {name}.\nAgent: Can you confirm your address?\nCaller: {addr}.',
      'Agent: What number can we reach you on?\nCaller: {phone}.\nAgent: And your email?\nCaller: {email}.',
      'Caller: My social is {ssn}.\nAgent: Thanks {first}, I have found your account.',
      'Operator: Emergency services. Caller: My neighbour {name2} collapsed at {street}. Please hurry.',
      'Agent: Can I have the card number? Caller: sure, {card}. Agent: And the name on it? Caller: {name}.',
    ],
  },
  {
    name: 'contact_card',
    lower: 0.02,
    templates: [
      'BEGIN:VCARD\nFN:{name}\nTEL:{phone}\nEMAIL:{email}\nADR:{addr}\nEND:VCARD',
      '{name} | {job} | {phone} | {email}',
      'Contact: {name} – {phone}\nAddress: {addr_ml}',
      '{name}\n{company}\nT {phone}\nE {email}',
      'Name        {name}\nMobile      {phone}\nHome        {addr}',
    ],
  },
  {
    name: 'kyc_check',
    lower: 0.02,
    templates: [
      'Identity check for {name}: SSN {ssn} matches; address {addr} verified on {date}.',
      'KYC failed: name on ID ({name}) differs from account holder ({name2}). IBAN {iban}.',
      'Verification code sent to {phone} for {email}. Login attempt from {ip}.',
      'Customer {name} (DOB {date}) provided proof of address: utility bill for {addr}.',
      'Risk flag: card {card} used from {ip} and {ip2} within {time} minutes by {name}.',
    ],
  },
  {
    name: 'incident_report',
    lower: 0.02,
    templates: [
      'Incident {order}: brute-force attempts from {ip} against the account of {email}. On-call: {name}.',
      'Postmortem: at {time} {first} noticed elevated errors on {host}; {name2} rolled back the deploy.',
      'Suspicious login for {name} from {ip} ({city}). User notified at {phone}.',
      'Data exposure review: the export contained {name}, {email}, {ssn}. Owner: {tname2}.',
      'Firewall blocked {ip} and {ip2}. Reported by {first} {last}, SOC shift lead.',
    ],
  },
  {
    name: 'referral',
    lower: 0.02,
    templates: [
      'Referral: patient {name}, DOB {date}, lives at {addr}. Referred by {tname2}. Phone {phone}.',
      'Please see {first} {last} for a follow-up next week. Contact the carer, {name2}, on {phone2}.',
      'Discharge summary for {name}. GP: {tname2}, {addr}.',
      'Lab results for {name} were sent to {email} on {date}.',
      'Home visit scheduled: {name}, {addr_ml}. Notes: ring the bell twice.',
    ],
  },
  {
    name: 'marketplace',
    lower: 0.1,
    templates: [
      'Selling my {product}, barely used. Pickup at {addr}. Ask for {first}, {phone}.',
      'Listing by {name}: {product} for {money}. Message {email} for details.',
      'Hi {first}, is the {product} still available? I can pick it up from {street} tomorrow.',
      'Buyer {name2} paid {money}. Ship to {addr_ml}.',
      'Garage sale this Saturday at {street}, {city}. Contact {name} ({phone}).',
    ],
  },
];
