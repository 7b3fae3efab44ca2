/**
 * Template families of the seventh held-out split (v7), written before any tuning on it; their genres,
 * wording and layouts appear in no v1–v6 or training-only family. Each mixes personal data (full, lone
 * and lower-case names, titled names, addresses with units and postcodes or PO boxes, phones with
 * extensions, e-mails, cards, IBANs, SSNs, IPs) with look-alikes that are not personal data. Gold
 * convention, as in the earlier splits: only slot values are personal data; role words and job titles
 * ("Lettings Negotiator", "Gate Agent", "the usher", "Clerk of the Court", "Approved Driving Instructor"),
 * product, brand, company, building, venue and place names, including ones named after people (Nelson
 * Mandela Foundation, Ronald McDonald House, Florence Nightingale Ward, the Darwin Room, Marie Curie
 * appeal, King Edward VII Hall), written in the template are not PERSON and carry no span. Held out until the v7
 * report; development data since (training, cross-validation and sweeps may use them).
 */
import type { Family } from './templates';

export const FAMILIES_V7: Family[] = [
  {
    name: 'real_estate_viewing',
    lower: 0.15,
    templates: [
      'VIEWING CONFIRMATION\nProperty: {street}, {unit}, {city} {zip}\nApplicant: {name}\nMobile: {phone}\nEmail: {email}\nSlot: {date} {time}\nAccompanied by: Lettings Negotiator (keys from the Fitzroy Road branch)',
      'hi {first}, the owner of the flat at {street2} has accepted your offer of {money} subject to survey. can you send proof of funds to {email2} today? – {first2}',
      'Viewing feedback {date}\n{name} – liked the garden, worried about the Wellington Road traffic – call back {phone}\n{name2} – second viewing wanted, partner {first3} to attend\n{last4} – no show',
      'Holding deposit of {money} received from {tname} by card {card}. Reference {order}. Tenancy to start {date}; guarantor {name2}, {addr2}.',
      'open house sat 11-1 at the Churchill Gardens penthouse. sign-in sheet: {name}, {phone}; {name2}, {email2}; {first3} {last3} (already has a mortgage in principle)',
      'Offer accepted memo\nBuyer: {name}\nBuyer solicitor: {name2}, {company}, {phone2}\nSeller: {tname3}\nCorrespondence address of the buyer: {addr_ml}',
    ],
  },
  {
    name: 'airline_rebooking',
    lower: 0.08,
    templates: [
      'IRREGULAR OPERATIONS – rebooking\nPNR {order}\nPassenger: {last}/{first} {tname}\nOriginal: LH 1234 cancelled\nNew: LH 1240 on {date} {time}\nContact: {phone} / {email}\nHandled by: Gate Agent, Terminal 2',
      'Dear {tname},\nyour flight was cancelled due to weather. We have rebooked you and {name2} on the next departure. Hotel voucher for the Hilton Garden Inn attached. Questions: call {phone2}.',
      'compensation claim EU261: passenger {name}, booking {order}, delay 5h10. pay {money} to {iban}. home address {addr}. claim filed from {ip}',
      'hey {first} our connection in Frankfurt got missed, they put us on tomorrow 07:10. staying at the Lindbergh Hotel tonight. call me on {phone} – {first2}',
      'Fare difference {money} charged to card {card} for {name}. Seat 14C, extra legroom. Frequent flyer no. {order}. Receipt sent to {email}.',
      'Delayed baggage report\nName: {name}\nDelivery address: {street}, {unit}, {city} {zip}\nLocal phone: {phone}\nBag: black Samsonite, tag {order}\nDelivery window requested after {time}',
    ],
  },
  {
    name: 'wedding_planner',
    lower: 0.25,
    templates: [
      'SEATING PLAN – Table 4 (Shakespeare)\n{name}\n{name2}\n{first3} {last3} + guest\n{tname4}\nTable host: the best man',
      'omg {first}!! the florist at {street2} needs the final payment of {money} by friday, card {card} bounced. text me {phone} x {first2}',
      'Supplier contract\nClient: {name} and {name2}\nVenue: Darwin Room, King Edward VII Hall\nEvent date: {date}\nDeposit: {money} from {iban}\nBilling address: {addr_ml}\nPlanner contact: {email2}',
      'Dietary list: {first} – vegan; {name2} – nut allergy (EpiPen); {first3} {last3} – kosher. Caterer to confirm with the Head Chef on {phone3}.',
      'Save the date for {first} & {first2}, {date}. Please RSVP by e-mail to {email} or post the card to {addr}.',
      'day-of timeline: {time} hair & makeup at the bride’s mum’s ({street}, {unit}, {city}); photographer {name3} ({phone3}); usher lead {first4}',
    ],
  },
  {
    name: 'landlord_maintenance',
    lower: 0.3,
    templates: [
      'REPAIR REQUEST {order}\nTenant: {name}\nProperty: {street}, {unit}, {city} {zip}\nIssue: boiler no hot water since {date}\nAccess: tenant at home after {time}, phone {phone}\nContractor: Gas Safe engineer',
      'hi {first}, the plumber can come tomorrow 8-12 to fix the leak under the sink. if ur out he’ll get the key from {first2} at flat 2. cheers, {first3} (landlord) {phone3}',
      'Notice of entry\nTo: {tname}\n{addr_ml}\nWe will enter the premises on {date} at {time} for the annual gas safety inspection, as allowed by the tenancy agreement.\nProperty Manager, {company}',
      'mould complaint from {name} ({email}) – photos received, damp in the Victoria bedroom. inspector {name2} to visit. tenant wants rent reduced by {money}',
      'Contractor invoice {order}: replaced Worcester Bosch boiler at {street}, {unit}. Pay {money} to {iban}. Engineer {name2}, mobile {phone2}.',
      'Tenant portal log: {first} {last} logged in from {ip} and reported a broken window. Emergency line {phone}; landlord {tname2} notified at {email2}.',
    ],
  },
  {
    name: 'classroom_roster',
    lower: 0.1,
    templates: [
      'CLASS ROSTER – Year 8 Science (Room: Curie Lab)\n1. {name}\n2. {name2}\n3. {last3}, {first3}\n4. {first4} {last4}\nTeacher: {tname5}\nTeaching Assistant: on request',
      'Substitute note: {tname}, please take register for 7B. {first2} is excused (dentist), {first3} goes to the Learning Support room at {time}. Call reception on {phone} ext. 201 if needed.',
      'Emergency contacts – {first} {last}\nMother: {name2}, {phone2}\nFather: {name3}, {phone3}\nHome: {addr}\nCollection password: kept by the Head of Year',
      'parents evening {date}: {name} wants a slot with the Maths teacher. email {email}. note: child {first2} is in the Newton set',
      'Trip payment: {money} for the Natural History Museum visit paid by card {card} for pupil {first} {last}. Consent form signed by {name2}.',
      'school account reset requested by {name} for pupil {first2}. new recovery email {email2}, request sent from {ip}. home address on file {street}, {unit}, {city} {zip}',
    ],
  },
  {
    name: 'charity_donation',
    lower: 0.04,
    templates: [
      'GIFT AID DECLARATION – Nelson Mandela Foundation UK\nDonor: {tname}\nHome address: {addr_ml}\nTelephone: {phone}\nEmail: {email}\nI am a UK taxpayer and want all my donations to be Gift Aided.',
      'Thank you, {first}! Your monthly gift of {money} to the Marie Curie appeal will be collected from {iban} on the 1st. Change anytime: {phone2} or {email2}.',
      'Donation receipt {order}\nReceived from: {name}\nAmount: {money}\nMethod: card {card}\nIn memory of: {name2}\nTax ID of donor: {ssn}',
      'Legacy notification: the late {name} left {money} to Ronald McDonald House. Executor {tname2}, {street2}, {unit2}, {city2} {zip2}, phone {phone2}.',
      'volunteer fundraiser {first} collected {money} at the fun run. sponsors: {name2}, {first3} {last3}, {name4}. send certificates to {email}',
      'Fraud check: three card donations from {ip} in 2 minutes under the name {name}, billing {addr}. Card {card} blocked by the Supporter Care Officer. Contact attempt {phone}.',
    ],
  },
  {
    name: 'court_summons',
    lower: 0.02,
    templates: [
      'JURY SUMMONS\nTo: {tname}\n{addr_ml}\nYou are required to attend for jury service at the Crown Court on {date} at {time}. Juror number {order}.\nClerk of the Court',
      'WITNESS SUMMONS\nIn the matter of {last} v. {company}\nWitness: {name2}\nAddress for service: {street2}, {unit2}, {city2} {zip2}\nYou must attend Courtroom 3, Lord Denning Building, on {date}.',
      'Service affidavit: I served {name} personally at {addr} on {date} at {time}. Process server {name2}, licence {order}, contact {phone2}.',
      'Fine payment: {money} paid for case {order} by card {card} on behalf of {tname}. Confirmation e-mailed to {email}. Payer IP {ip}.',
      'Request to be excused: I, {name}, cannot attend on {date} because I care for my father {first2}. Please call me on {phone} or write to {email}. SSN on the summons form: {ssn}.',
      'usher note: defendant {first} {last} in the cells, interpreter requested. victim liaison {first2} ({phone2}). Judge Wright sitting, Courtroom 1.',
    ],
  },
  {
    name: 'driving_school',
    lower: 0.3,
    templates: [
      'LESSON BOOKING\nPupil: {name}\nProvisional licence no.: {order}\nPick-up: {street}, {unit}, {city} {zip}\nMobile: {phone}\nEmail: {email}\nInstructor: Approved Driving Instructor (dual-control Ford Fiesta)',
      'hi {first} lesson moved to thurs {time}, i’ll pick u up from college not home. bring ur glasses!! – {first2} {phone2}',
      'Test result: {tname} passed the practical test on {date} with 3 minors. Certificate posted to {addr}. Well done from everyone at Stirling Moss Driving Academy.',
      'Block booking of 10 lessons {money} paid by card {card} by parent {name2} for {first}. Invoice to {email2}.',
      'pupil progress: {first} {last} – roundabouts ok, parallel parking needs work. mock test {date}. emergency contact {name3} {phone3}',
      'Instructor payout {money} to {iban} for {name}, franchise fee deducted. Account login from {ip}. Correspondence: {addr_ml}',
    ],
  },
  {
    name: 'utility_connection',
    lower: 0.06,
    templates: [
      'NEW SUPPLY APPLICATION\nAccount holder: {name}\nSupply address: {street}, {unit}, {city} {zip}\nBilling address: {addr2}\nPhone: {phone}\nEmail: {email}\nMove-in date: {date}\nMeter reading: 04417',
      'Dear {tname},\nwe are switching your electricity supply on {date}. Your first bill will go to {email}. The engineer will call on {phone} before arriving. Customer Energy Adviser',
      'Direct debit set up: {money} per month from {iban}, account in the name of {first} {last}. Paperless billing. Change by calling {phone2} ext. 4.',
      'smart meter install job {order}: {name}, {addr}, access via the side gate, dog called Tesla. engineer {first2} ({phone2}). slot {time}',
      'Disconnection warning: {tname} owes {money} at {street}, {unit}. Hardship team to call {phone} before any visit. Vulnerable customer: yes. Priority Services Register.',
      'web chat: customer {first} (logged in from {ip}) asks to add {name2} to the account. card ending {card} on file. confirmed identity with the last 4 of SSN {ssn}',
    ],
  },
];
