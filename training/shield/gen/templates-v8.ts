/**
 * Template families of the eighth held-out split (v8), written before any tuning on it; their genres,
 * wording and layouts appear in no v1–v7 or training-only family (requests to an assistant to rewrite or
 * summarise pasted text, savings-group minutes and loan-officer notes, translation job briefs, pawn
 * tickets, community-radio dedications, produce-buying receipts, app-store reviews and replies, solar site
 * surveys, census household questionnaires). Each mixes personal data (full, lone and lower-case names,
 * titled names, addresses with units and postcodes or PO boxes, phones with extensions, e-mails, cards,
 * IBANs, SSNs, IPs) with look-alikes that are not personal data. Gold convention, as in the earlier splits:
 * only slot values are personal data; role words and job titles ("Sworn Translator", "Loan Officer",
 * "Field Supervisor", "the presenter", "Site Surveyor", "Detective Constable", "Customer Success Lead"),
 * product, brand, company, building, venue and place names, including ones named after people (Ted Baker,
 * Marks & Spencer, Rolex, Louis Vuitton, Gibson Les Paul, Dyson, John Deere, Tesla Powerwall, Jamie Oliver
 * recipe pack, Princess Marina Hospital, St Joseph's, Victoria Falls Hotel, Mr. Fixit plumbing), written in
 * the template are not PERSON and carry no span. Used only by `generate('heldout-v8')`; `generateFrom`
 * (training, cross-validation, threshold sweeps) refuses them.
 */
import type { Family } from './templates';

export const FAMILIES_V8: Family[] = [
  {
    name: 'assistant_rewrite_request',
    lower: 0.2,
    templates: [
      'can you make this sound more professional? "hi {first}, sorry i missed your call on {phone}. the invoice for {money} went to {email} yesterday, let me know if it didnt arrive. {first2}"',
      'Rewrite this cover letter in British English and keep it under 200 words:\n\n{name}\n{addr_ml}\n{phone} | {email}\n\nDear Hiring Manager,\nI am applying for the {job} role at {company} and have eight years of experience...',
      "Summarise the thread below in 3 bullets for my boss. Don't include anyone's phone number.\n---\nFrom: {name} <{email}>\nTo: {name2} <{email2}>\nSubject: Re: site visit {date}\n{first2}, the keys are with the caretaker at {street}, {unit}. Call me on {phone} if the gate code ({order}) fails.",
      'Translate to Spanish please: "Dear {tname}, your refund of {money} to card {card} has been approved. If you did not request this, contact our Fraud Team immediately."',
      'fix grammar: my name is {name} i live at {addr} and my neighbour {first2} keep parking infront of my gate, i have called the council on {phone} 3 times',
      'Turn this into a table with the columns name, phone, email, address: {last}, {first} — {phone} — {email} — {street}, {city} {zip}',
      'Write a short, warm reply to this WhatsApp from my landlord {tname2}: "Mr. Fixit plumbing will come {date} between {time} and noon. Leave the key with {first3} at {unit}." Sign it from {first}.',
      'Make this bio less boring for the Ted Baker staff page: {name} joined as {job} in 2019, previously at Marks & Spencer. Contact: {email}, or through reception on {phone}.',
      'why does this log line get flagged? "login ok user={email} ip={ip} name={name}" – is it the ip or the name? i am {first}, the sysadmin',
    ],
  },
  {
    name: 'savings_group_minutes',
    lower: 0.05,
    templates: [
      'MINUTES – {company} savings group, meeting of {date}\nPresent: {name}, {name2}, {first3} {last3}, {tname4}\nThe Chairperson opened with a prayer. The Treasurer reported a balance of {money}.\nLoan approved: {name2}, {money}, guarantor {name}.\nNext meeting at the house of {first3}, {street}.',
      "Loan officer visit report\nClient: {name} ({job})\nBusiness address: {street}, {unit}, {city}\nMobile money no.: {phone}\nRepayment overdue since {date}. Client says the spouse, {first2}, is in St Joseph's hospital. New schedule agreed.",
      'GROUP: Mandela Market Traders (reg. {order})\nMembers joining: {name} – {phone}; {name2} – {phone2}; {name3} – no phone, lives behind {street}\nShare-out to be paid by mobile money; disputes go to the Field Supervisor.',
      'Disbursement sheet {date}\n1. {last}, {first} | {money} | ID {ssn} | {phone}\n2. {last2}, {first2} | {money} | ID {ssn2} | {phone2}\nVerified by the Branch Manager. Queries: {email}',
      'dear {first}, this is a reminder from your loan officer that your installment of {money} is due on {date}. pay to account {iban} or at our office at {addr}. thank you for banking with Opportunity Bank.',
      'Field notes: {tname} (chairperson) says {first2} {last2} collected contributions without receipts. {first2} says the money is kept at home, {addr2}. Escalated to the regional office ({email2}).',
    ],
  },
  {
    name: 'translation_job_brief',
    lower: 0.03,
    templates: [
      'JOB BRIEF {order}\nDocument: birth certificate (1 page) + apostille\nName on document: {name}\nFather: {name2}\nMother: {name3}\nClient contact: {email} / {phone}\nDelivery: courier to\n{addr_ml}\nThe Sworn Translator stamps and signs every page.',
      'Hi, I need my marriage certificate translated for a visa application. My name is {name}, my wife is {name2} (maiden name {last3}). Can I pay by card {card}? Please deliver to {street}, {unit}, {city}.',
      'Invoice for translation {order}\nBill to: {tname}, {company}\n{addr_ml}\nPay by transfer to {iban} within 14 days. Questions to our Project Manager at {email2} or {phone2}.',
      "Translator's note on page 2: the surname is spelled {last} in the passport and differently on the school certificate; the bearer, {first} {last}, born {date}, is the same person according to the client's affidavit. Client: {email}, {phone}.",
      'urgent: court interpreter needed {date} {time}, case {order}. defendant {name}, counsel {tname2}. confirm availability to {email} or call the listing office on {phone}.',
      "Source text (driver's licence): Holder: {name}. Address: {addr}. Licence no. {order}. SSN {ssn}. Issued {date}. Contact of the applicant: {phone}.",
    ],
  },
  {
    name: 'pawn_ticket',
    lower: 0.05,
    templates: [
      'PAWN TICKET No. {order}\nPledgor: {name}\nAddress: {addr}\nTel: {phone}\nID: {ssn}\nItem: Rolex Datejust, steel, serial on file\nLoan: {money} | Redeem by {date}',
      'Item: Louis Vuitton Neverfull bag; pledged by {tname}; loan {money}; interest 4%/month. Customer wants a text reminder on {phone} before {date}. Email for the receipt: {email}.',
      'Extension receipt – ticket {order}\nCustomer {last}, {first} paid interest of {money} by card {card}. New maturity {date}. Receipt e-mailed to {email}.',
      'Police hold notice: item on ticket {order} (Gibson Les Paul guitar) reported stolen by {name2}, {street2}. Pledgor {name}, {phone}. Do not release until the Detective Constable signs off.',
      'Forfeiture notice\n{tname}\n{addr_ml}\n\nYour pledge (ticket {order}) matured on {date}. Unless redeemed within 14 days the items will be sold. Call {phone2} or email {email2}.',
      'buy-outright log {date}: {first} {last} sold 2x Xbox and a Dyson hoover, paid {money} cash. phone {phone}. lives near {street} ({city}).',
    ],
  },
  {
    name: 'radio_dedications',
    lower: 0.35,
    templates: [
      'SMS to studio from {phone}: big shout out to {first} at {company} and {name2} in {city}, from {first3}!! pls play something by the Soweto Gospel Choir',
      'On-air dedications {date}\n1. From {name} to {name2} – happy anniversary\n2. From {first3} ({phone}) to all the nurses at Princess Marina Hospital\n3. From the boys at Ronaldo Barbershop to {tname4}',
      'Competition winner: {name}, {addr}. Prize: a weekend at the Victoria Falls Hotel. Winner to call the studio on {phone2} with ID before {date}.',
      'caller on line 2 is {first} from {city}, wants to greet grandma {name2} and the teacher {tname3}. callback {phone}',
      'Listener email from {email}: please announce that {name} of {street}, {city} lost a national ID card (no. {ssn}) near the bus park. If found, call {phone} or bring it to the studio.',
      'Birthday greetings form\nFor: {name}\nFrom: {name2}\nMessage: happy 60th birthday! love from {first3} and the kids\nSender phone: {phone}\nPaid {money} by mobile money, ref {order}',
      'presenter note: do NOT read phone numbers on air. {first} {last} ({phone}) wants to greet the choir of St Paul\'s and the Station Manager. email {email}',
    ],
  },
  {
    name: 'produce_buying_receipts',
    lower: 0.03,
    templates: [
      'PRODUCE PURCHASE RECEIPT No. {order}\nBuying centre: {company} depot\nFarmer: {name}\nFarmer ID: {ssn}\nCrop: cocoa, 6 bags, 382 kg net\nPaid: {money} to mobile wallet {phone}\nPurchasing Clerk: initials only',
      'Cooperative ledger {date}\n{last}, {first} – coffee cherry 140 kg – {money}\n{last2}, {first2} – coffee cherry 95 kg – {money2}\n{tname3} – parchment 60 kg – held back (moisture)',
      'Dear {tname}, your second payment for this harvest ({money}) has been sent to {iban}. Please confirm with the Field Officer or call {phone}.\n{company} Farmers Union, {addr}',
      'Transporter note: picked up 40 bags from the farm of {name}, {street}, next to the John Deere dealer. Driver {first2} ({phone2}). Weighbridge ticket {order}.',
      'Farmer registration\nFull name: {name}\nSpouse: {name2}\nFarm location: {street}, {city}\nPhone: {phone}\nEmail (if any): {email}\nNext of kin: {tname3}',
      'sms: {first}, we received your 12 bags of maize at the {city} store on {date}. grade 1. payment of {money} will follow. queries {phone2} – Warehouse Manager',
    ],
  },
  {
    name: 'app_review_replies',
    lower: 0.15,
    templates: [
      '★☆☆☆☆ {first} {last} – "Charged twice!" I was billed {money} on card {card} and support at {email2} never answered.\n\nDeveloper response: Hi {first}, sorry about this. Please email us from {email} so we can find your account.',
      'Review: "Love the Jamie Oliver recipe pack but the app keeps logging me out" – {name}\nReply from our Customer Success Lead: Thanks {first}! Version 4.2 fixes logins. If it happens again, write to {email2}.',
      '2 stars – {name}: the delivery guy {first2} was rude and left my parcel at the wrong house ({street}, {unit}). Called {phone} twice, nobody picks up.',
      'Developer reply to {tname}: we have removed your old address ({addr}) and phone number ({phone}) from your profile as you asked. Account {order} is now closed; a confirmation went to {email}.',
      'great app!!! found my old school friend {name} after 20 yrs. only thing: it shows my number {phone} on my profile?? how do i hide it – {first2}',
      'Review flagged by Trust & Safety: reviewer {email} posted another user\'s details: "{name2} lives at {addr2} and owes me money". Login IP {ip}. Action: removed.',
    ],
  },
  {
    name: 'solar_site_survey',
    lower: 0.02,
    templates: [
      'SITE SURVEY – rooftop PV\nCustomer: {name}\nSite address: {street}, {unit}, {city} {zip}\nContact on site: {first2} ({phone2})\nRoof: corrugated iron, north-facing, 22°\nMeter no. {order}\nSurveyor: Senior Installer (cert. on file)',
      'Hi {first}, our Site Surveyor will come on {date} at {time} to check the roof and the distribution board. Please make sure someone is home at {addr}. To reschedule: {phone} or {email}.',
      'Quote {order} for {tname}: 12 panels + 5 kWh battery (Tesla Powerwall alternative also quoted), {money} incl. installation. Deposit of 30% by transfer to {iban}. Valid until {date}.',
      "Survey notes: shading from the neighbour's mango tree (owner {name2}, {street2}); the customer will ask. Inverter goes in the garage. Monitoring router at {ip}. Customer email {email}, mobile {phone}.",
      'Grid-tie application\nApplicant: {name}\nID: {ssn}\nPremises: {addr_ml}\nTel: {phone}\nElectrician of record: {name3}, licence {order}',
      'installer chat: done at the {last2} house on {street2}. {first2} paid the balance {money} by card {card}. next job tomorrow in {city}, customer {name} {phone}',
    ],
  },
  {
    name: 'census_household_survey',
    lower: 0.02,
    templates: [
      'HOUSEHOLD QUESTIONNAIRE – EA {order}\nDwelling: {street}, {unit}\nHead of household: {name}, 52, farmer\nSpouse: {name2}, 47\nChildren: {first3} (14), {first4} (9)\nRespondent phone: {phone}\nEnumerator: code only',
      'Enumerator note {date}: nobody home at {addr}. Neighbour {tname} says the family moved to {city}; new number {phone}. Revisit scheduled.',
      'Callback list (Field Supervisor)\n- {name} – {phone} – refused, wants the enumerator\'s ID\n- {name2} – {phone2} – completed\n- {last3} household – no phone, {street3}',
      'Re-interview quality check: respondent {first} {last} confirms 6 members, monthly income {money}. Contact email {email}. Tablet upload from {ip} at {time}.',
      'Dear {tname},\nYour household at\n{addr_ml}\nhas been selected for the Labour Force Survey. An interviewer will visit from {date}. Questions: {phone} or {email}.',
      'Household roster (line | name | relation | age)\n01 | {name} | head | 61\n02 | {name2} | spouse | 58\n03 | {name3} | grandchild | 7\nAddress of dwelling: {addr}\nPhone: {phone}',
    ],
  },
];
