/**
 * Template families of the sixth held-out split (v6), written before any tuning on it; their genres,
 * wording and layouts appear in no v1–v5 or training-only family. Each mixes personal data (full, lone
 * and lower-case names, titled names, addresses with units and postcodes or PO boxes, phones with
 * extensions, e-mails, cards, IBANs, SSNs, IPs) with look-alikes that are not personal data. Gold
 * convention, as in the earlier splits: only slot values are personal data; role words and job titles
 * ("Head Coach", "Funeral Director", "the hygienist", "Enrolled Agent"), product, brand, company,
 * building, venue and place names (Carnegie Library, Harrison Hall, Invisalign, Peloton) and pets' names
 * written in the template are not PERSON and carry no span. Held out until the v6 report; development
 * data since (training, cross-validation and sweeps may use them).
 */
import type { Family } from './templates';

export const FAMILIES_V6: Family[] = [
  {
    name: 'gym_membership_signup',
    lower: 0.2,
    templates: [
      'MEMBERSHIP AGREEMENT – PureGym Riverside\nMember: {name}\nAddress: {addr}\nMobile: {phone}\nEmail: {email}\nPlan: Off-Peak 12 months, {money}/month\nDirect debit from {iban}\nSold by: Membership Consultant',
      'hey {first}! welcome to the club. your induction with Head Coach {first2} is on {date} at {time}. bring trainers + a towel. questions? text {phone2}',
      'Freeze request: {tname} asked to pause the membership until {date} (knee surgery). Card on file {card} will not be charged. Approved by the Club Manager.',
      'Guest pass log\nHost member: {first} {last}\nGuest: {name2}, {street2}, {unit2}\nGuest phone: {phone2}\nSigned the waiver at Reception, Peloton studio only',
      'PT package sold: 10 sessions, {money}. client {first} {last} ({email}), trainer: Personal Trainer (Level 3). emergency contact {name3} {phone3}',
      'Access denied at the turnstile for {name} at {time}: membership cancelled on {date}. Member called from {phone} disputing it; last app login from {ip}.',
    ],
  },
  {
    name: 'dental_recall',
    lower: 0.05,
    templates: [
      'Dear {tname},\nyour six-monthly check-up and scale & polish with the hygienist is due. Please call Bridge Street Dental on {phone2} to book, or reply to {email2}.\nKind regards,\nPractice Manager',
      'Reminder: {first}, you have a dental appointment on {date} at {time} with our Invisalign-certified team. Reply C to confirm or call {phone}. Bridge Street Dental',
      'Patient: {name}\nDOB: {date}\nAddress: {street}, {unit}, {city} {zip}\nPhone: {phone}\nInsurer member no.: {ssn}\nTreatment plan: crown UR6, Emax, {money}',
      'recall list wk 14\n{last}, {first} – overdue 18 months – {phone}\n{name2} – hygiene only – {email2}\n{name3} – child, parent to call back',
      'Lab docket: upper denture for {name}, shade A2. Deliver to the surgery, not to the patient home address ({addr}). Technician: Dental Technician Grade II.',
      'Payment received {money} from card {card} for {first} {last}. Receipt emailed to {email}. Next recall {date}. Account manager: Treatment Coordinator.',
    ],
  },
  {
    name: 'scholarship_application',
    lower: 0.04,
    templates: [
      'SCHOLARSHIP APPLICATION – Rhodes-Carver Foundation\nApplicant: {name}\nPermanent address: {addr_ml}\nPhone: {phone}\nEmail: {email}\nIntended course: BSc Agronomy\nReferee: {tname2}, {job2}',
      'Letter of recommendation\nI have taught {first} {last} for three years at Harrison Hall. {first} is the most curious student in the Robotics Club. Contact me at {email2} or {phone2}.\n{name2}',
      'Dear {tname},\ncongratulations! You have been awarded the Carnegie Bursary of {money}. The first instalment will be paid into {iban} on {date}. Please confirm your term-time address: {street}, {unit}, {city} {zip}.',
      'Panel notes: candidate {name} (no. {order}) – strong essay on water access, weak maths. Mentor suggested: {name3}. Interview went well; video call from {ip}.',
      'Financial need form\nStudent: {name}\nParent/guardian: {name2}\nHousehold income: {money}\nSSN (for the FAFSA cross-check): {ssn}\nHome: {addr}',
      'hi, this is {first}, I applied for the Women in STEM award. my email changed to {email}, my phone is still {phone}. sorry for the trouble!',
    ],
  },
  {
    name: 'funeral_arrangements',
    lower: 0.02,
    templates: [
      'ARRANGEMENT SHEET\nDeceased: {name}\nLast address: {addr}\nDate of death: {date}\nInformant: {name2} (son), {phone2}\nService: Chapel of Rest, Willow Brook Crematorium\nFuneral Director on duty',
      'It is with great sadness that the family of {name} announce the peaceful passing at home. Service at St Mark\'s on {date}. Donations to the Macmillan nurses. Enquiries to {first2} on {phone2}.',
      'Invoice {order}\nBill to: {tname2}\n{addr_ml}\nCoffin: Oak Veneer Classic\nHearse and one limousine\nTotal: {money}\nPay by card {card} or transfer to {iban}',
      'Note for the celebrant: {first} liked gardening and the Everton FC. Grandchildren {first2} and {first3} will read. Family contact email {email}.',
      'Flowers order: wreath spelling "GRANDAD" to Willow Brook for the {last} funeral, {date} {time}. Card message from {name2}, {street2}, {city2}. Call {phone2} if delayed.',
      'Death registration checklist for {name}: medical certificate collected; NI/SSN {ssn} given to the registrar; executor {name2} ({email2}, {phone2}).',
    ],
  },
  {
    name: 'customs_broker_entry',
    lower: 0.03,
    templates: [
      'IMPORT ENTRY {order}\nImporter of record: {name}\nDelivery address: {addr}\nGoods: 2 x Bosch Professional drills, HS 8467.21\nValue: {money}\nBroker contact: {email2}, {phone2}',
      'Hi {first}, your parcel from AliExpress is held at customs. Duty and VAT of {money} must be paid before release. Pay at our portal; we logged your request from {ip}. Licensed Customs Broker desk',
      'Consignee: {tname}\n{street}, {unit}\n{zip} {city}\nTel: {phone}\nEntry ref: {order}\nDescription: used household goods, personal effects (removal)',
      'Duty deferment: charge the deferment account, not the card ending {card}. Authorised by {name2}, {job2}, {company}.',
      'Query from the border agency about shipment {order}: please confirm the end user. Client {first} {last} says it is a gift for {name3}, {addr_ml}. Email {email}.',
      'refund of overpaid duty {money} to {iban}. claimant {name}, phone {phone}, ssn/tax id {ssn}. filed by {first2} from the Felixstowe office',
    ],
  },
  {
    name: 'youth_sports_registration',
    lower: 0.35,
    templates: [
      'U11 REGISTRATION – Westbrook Rovers FC\nPlayer: {name}\nDOB: {date}\nParent/Guardian: {name2}\nAddress: {street}, {unit}, {city} {zip}\nPhone: {phone2}\nEmail: {email2}\nKit size: Youth M',
      'hi all, training moved to 6pm tuesday at Riverside Astro. {first} & {first2} please bring the cones. subs {money} to the Treasurer, or card {card} at the clubhouse. {first3} (coach) {phone3}',
      'Medical form: {first} {last} has asthma, inhaler in the kit bag. In an emergency call mum {first2} on {phone2} or dad {name3} on {phone3}. GP: Parkside Surgery.',
      'Welfare Officer note: {tname} asked that photos of {first2} are not posted on the club Facebook page. Confirmed by email ({email}).',
      'tournament entry – Spring Cup\nteam: Westbrook Rovers U13 Girls\nmanager: {name}, {phone}\nplayers: {first2}, {first3}, {name4}\nreturn forms to {addr}',
      'Payment plan: season fee {money} from {iban} in 3 instalments. Account holder {name2}. Player {first}. Club Secretary to send receipts to {email2}.',
    ],
  },
  {
    name: 'library_circulation',
    lower: 0.06,
    templates: [
      'OVERDUE NOTICE – Carnegie Library\nBorrower: {name}\nCard no.: {order}\nAddress: {addr_ml}\nItems: "The Midnight Library", "Atomic Habits" (large print)\nFine: {money}\nPlease contact us on {phone2}',
      'New member registration\nName: {name}\nAddress: {street}, {unit}, {city} {zip}\nPhone: {phone}\nEmail: {email}\nProof of address: utility bill\nIssued by: Library Assistant',
      'Interlibrary loan request by {tname} for "Silent Spring" (1962 edition). Notify by email {email} or text {phone}. Collect at the Harrison Hall branch.',
      'Hold ready: hi {first}, your reserved copy of "Dune" is at the front desk until {date}. Public PC session booked for {time}; last session was from {ip}.',
      'Home delivery service list\n{name} – {addr} – large print, crime\n{name2} – {street2}, {city2} – audiobooks\nVolunteer driver: {first3}, {phone3}',
      'lost card reported by {first} {last}. replacement fee {money} paid by card {card}. note: borrower asked us to stop mailing {email2}',
    ],
  },
  {
    name: 'tax_preparer_intake',
    lower: 0.03,
    templates: [
      'CLIENT ORGANIZER 2026\nTaxpayer: {name}\nSSN: {ssn}\nSpouse: {name2}\nSpouse SSN: {ssn2}\nHome address: {addr}\nDaytime phone: {phone}\nEmail: {email}\nFiling status: Married filing jointly',
      'Refund direct deposit\nRouting/IBAN: {iban}\nAccount holder: {first} {last}\nPreparer: Enrolled Agent, H&R Block Main Street office',
      'Dependents\n1. {name3}, SSN {ssn3}, DOB {date}\n2. {first4} {last}, SSN {ssn4}\nChildcare provider: Little Acorns Daycare, {street2}, {city2} {zip2}',
      'Engagement letter sent to {tname} at {email}. Client will upload W-2s from {company} and the 1099-NEC. Call back {phone} after {time}.',
      'e-file audit trail: return for {name} signed via DocuSign from {ip} on {date}. Preparer PTIN on file. Balance due {money} charged to card {card}.',
      'Note: {first} moved mid-year from {street}, {unit}, {city} {zip} to {addr2}. State residency split; ask about the Roth conversion at Vanguard.',
    ],
  },
  {
    name: 'coworking_access',
    lower: 0.12,
    templates: [
      '{date} {time} door=MAIN badge=0041 member="{name}" result=GRANTED\n{date} {time} door=ROOFTOP badge=0187 member="{name2}" result=DENIED',
      'Hot desk membership\nMember: {name}\nCompany: {company}\nBilling address: {addr}\nCard: {card}\nWi-Fi device registered: {ip}\nCommunity Manager: {first2}',
      'hi {first}, a courier left a parcel for you at WeWork Level 3 reception. also your guest {name2} is waiting in the Lobby Café. call {phone} if you want us to send them up.',
      'Meeting room booking – Boardroom Ada\nBooked by: {first} {last} ({email})\nAttendees: {name2}, {name3}\nCatering: Pret breakfast platter\nInvoice to {street}, {unit}, {city} {zip}',
      'Incident: member {tname} reported the laptop of {first2} stolen from Phone Booth 4 at {time}. CCTV request filed. Member contact {phone2}, {email2}.',
      'Virtual office mail scan: letter from HMRC for {name}, forwarded to {addr_ml}. Monthly fee {money} from {iban}. Front desk ext. 100.',
    ],
  },
];
