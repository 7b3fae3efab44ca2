/**
 * Template families of the fifth held-out split (v5), written before any tuning on it; their genres,
 * wording and layouts appear in no v1, v2, v3, v4 or training-only family. Each mixes personal data (full,
 * lone and lower-case names, titled names, addresses with units and postcodes or PO boxes, phones,
 * e-mails, cards, IBANs, IPs) with look-alikes that are not personal data. Gold convention, as in the
 * earlier splits: only slot values are personal data; role words and job titles ("Night Auditor",
 * "Churchwarden", "the broker", "Crew Lead"), product, brand, company, building, venue and place names,
 * vehicle models and pets' names written in the template are not PERSON and carry no span. Held out
 * until the v5 report; development data since (training, cross-validation and sweeps may use them).
 */
import type { Family } from './templates';

export const FAMILIES_V5: Family[] = [
  {
    name: 'hotel_shift_handover',
    lower: 0.15,
    templates: [
      'NIGHT AUDIT HANDOVER {date}\nRm 214: {name}, late arrival, card pre-auth on {card}\nRm 307: guest {last} asked for a 6am wake-up call\nNight Auditor: {first2}\nDuty Manager on call: {phone2}',
      'handover am->pm: {first} in 118 complained about the Hilton Honors points, promised a callback on {phone}. lost key card reissued. booking for {name2} moved to the Garden Wing.',
      'Front desk log – {time}\nWalk-in: {tname}, home address {addr}, paid {money} deposit. Invoice to {email}. Parking permit for the grey Skoda Octavia issued.',
      'Shift notes (Reception)\n- Courier left a parcel for {first} {last}, stored in the luggage room\n- {name2} from the Rotary Club wants the Ballroom quote, email {email2}\n- VIP arrival tomorrow: {tname3}',
      'Guest complaint form\nGuest: {name}\nHome address: {street}, {unit}, {city} {zip}\nContact: {phone} / {email}\nRoom: Harbour Suite\nReceived by: Assistant Front Office Manager',
      'PM shift: wifi outage on floor 3, guest {first} says her laptop was on {ip} when it dropped. IT ticket {order}. Concierge {first2} booked a taxi to The Ivy for {last3}.',
    ],
  },
  {
    name: 'bug_bounty_report',
    lower: 0.03,
    templates: [
      '## Summary\nIDOR on /api/v2/profile lets any user read another user\'s address.\n## Steps\n1. Log in as test user\n2. GET /api/v2/profile/8841\n## Leaked data (redacted for triage)\nname: {name}\naddress: {addr}\nphone: {phone}\n## Researcher\n{first2} ({email2})',
      'Triage note: report {order} by researcher {name} reproduced from {ip}. Severity High (CVSS 8.1). Bounty {money} to be paid via PayPal to {email}. Assigned to the AppSec Lead.',
      'Hi {first}, thanks for your submission on HackerOne. We could not reproduce the SSRF against metadata.internal. Could you share the exact request? Our security contact is {tname2}, {phone2}.',
      'PoC output:\n{"id":1207,"full_name":"{name}","email":"{email}","billing":"{street}, {city} {zip}","card_last4":"4242"}\nThe response above belongs to a real customer account, not the tester\'s.',
      'Disclosure timeline\n{date}: reported by {first} {last} <{email}>\n{date2}: triaged by the Product Security team\nFix deployed on the Kubernetes cluster; researcher credited in the Hall of Fame.',
      'Payout form\nPayee: {name}\nIBAN: {iban}\nTax residence: {country}\nPostal address: {addr_ml}\nReport: {order} (stored XSS in the Markdown preview)',
    ],
  },
  {
    name: 'parish_newsletter',
    lower: 0.02,
    templates: [
      "St Columba's Parish News\nThis week we welcome {name} and family, new to {street}. The Churchwarden thanks {first2} {last2} for repairing the organ bellows. Flowers this Sunday: {first3}.",
      'Prayer list: please remember {name}, recovering at home, and {first2}\'s mother. Cards may be sent to {addr_ml}.',
      'Coffee morning rota – Village Hall\n{first} {last}: cakes\n{name2}: urn and cups\nQueries to the Parish Office, {phone} or {email}.',
      'From the Vicarage: {tname} will lead Evensong while the Rector is on retreat. Baptism enquiries to {email2}. Harvest boxes go to the Trussell Trust food bank.',
      'Community noticeboard: lost tabby cat "Pickles" near the war memorial – ring {first} on {phone}. Piano lessons with {name2}, {street2}, {unit2}. Ramblers meet at the Red Lion.',
      'Gift Aid declaration\nDonor: {name}\nHome address: {street}, {city} {zip}\nEmail: {email}\nI want the Parochial Church Council to treat all gifts as Gift Aid donations.',
    ],
  },
  {
    name: 'car_rental_damage',
    lower: 0.04,
    templates: [
      'VEHICLE CONDITION REPORT – RA {order}\nRenter: {name}\nLicence address: {addr}\nVehicle: Toyota Corolla, white\nDamage at return: scratch rear bumper, 12 cm\nChecked by: Lot Attendant\nRenter phone: {phone}',
      'Dear {tname},\nduring the return inspection of your Hertz rental on {date} we found a cracked windscreen. An excess of {money} will be charged to the card ending {card}. Photos were sent to {email}.',
      'Additional driver: {name2} (licence checked). Main driver {first} {last} declined the Super Cover. Drop-off at Terminal 2 desk. Contact {phone2}.',
      'damage claim {order}: customer {first} says the dent on the Ford Transit was already there at pick-up. pick-up agent {first2} did not note it. customer email {email}, billing {street}, {city} {zip}',
      'Toll and fine notice: a speeding fine for the Peugeot 208 hired by {name} was received. Under the rental terms we pass the driver details ({name}, {addr_ml}) to the authority.',
      'Customer callback: {first} rang from {phone} about the charge on {iban}. Please call back after {time}. Branch: Enterprise Airport Road. Agent: {first3}.',
    ],
  },
  {
    name: 'tutoring_log',
    lower: 0.3,
    templates: [
      'Session log – {date}\nStudent: {first} (Year 10)\nTopic: quadratic equations, completing the square\nHomework set: Ex 4B\nParent contact: {name2}, {phone2}\nTutor: {first3}',
      "today w/ {first}: went over photosynthesis + the Krebs cycle, still mixing up ATP & NADH. mum ({first2} {last}) asked for an extra slot thursday, text her on {phone}",
      'Invoice for tutoring, {money} for 4 sessions\nBill to: {name}\n{addr_ml}\nPay by bank transfer to {iban}, reference {order}.',
      'Progress report for {tname}\n{first2} has improved in French listening; the DELF mock on {date} went well. Next sessions online via Zoom. Questions: {email}.',
      'New student intake\nName: {name}\nSchool: Westfield Academy\nAddress: {street}, {unit}, {city} {zip}\nGuardian: {name2} ({email2})\nSubjects: GCSE Chemistry, Physics',
      'cancelled: {first} {last} off sick. rescheduled to {date} {time}. note for {first2}: bring the Kumon booklet. parent email {email}',
    ],
  },
  {
    name: 'mortgage_broker_notes',
    lower: 0.02,
    templates: [
      'Fact find – {date}\nApplicant 1: {name}, {job}, gross {money}\nApplicant 2: {name2}\nCurrent address: {addr}\nTime at address: 4 yrs\nContact: {phone} / {email}',
      'Broker note: spoke with {first} re. the Nationwide offer. Valuation booked for the property at {street}, {city} {zip}. Solicitor {tname2} acting, tel {phone2}.',
      'Decision in principle declined for {last}, {first}: CCJ found on the credit file. Consider a specialist lender. Client prefers e-mail ({email}).',
      'Dear {tname},\nplease find attached your Key Facts Illustration for a 5-year fixed rate at 4.39 %. Your deposit will be paid from {iban}. Send your last three payslips to {email2}.\nYour Mortgage Adviser',
      'Remortgage review\nClient: {name}\nSecurity address: {addr_ml}\nProduct expiry: {date}\nOther borrower: {first2}\nNotes: wants to release equity for the Barratt new build extension.',
      'Client {first} {last} called from {phone} asking whether Halifax accepts gifted deposits from her brother {first3}. Advised yes with a gifted deposit letter.',
    ],
  },
  {
    name: 'photo_booking',
    lower: 0.2,
    templates: [
      'Booking confirmed: Wedding, {date}\nCouple: {first} & {first2}\nCeremony: St Andrew\'s Church, reception at Hampton Manor\nBride\'s mobile: {phone}\nDeposit {money} received from card {card}',
      'hi {first}! lovely to hear from you. newborn shoots are at my home studio, {street}, {unit}. bring the blanket from your gran. my number {phone2} – Bloom & Blush Photography',
      'Client: {name}\nShoot: family portraits, Richmond Park\nGallery delivered to {email}\nPrint order: 3 x A3 Giclée, ship to {addr}',
      'Model release\nI, {name}, of {addr_ml}, grant the photographer the right to use the images taken on {date}. Signed: {name}. Witness: {name3}.',
      'Second shooter for the {last} wedding: {name2} ({email2}). Golden hour portraits at 19:40 by the Old Boathouse. Drone pilot Skyline Aerials.',
      'enquiry via Instagram from {first} {last}: headshots for LinkedIn, budget {money}. reply to {email} or whatsapp {phone}. likes the Canon 85mm look.',
    ],
  },
  {
    name: 'lost_and_found_log',
    lower: 0.1,
    templates: [
      'LOST PROPERTY REGISTER – Central Station\nItem: black Samsonite suitcase\nFound: Platform 4, {time}\nClaimed by: {name}, {addr}\nID checked: passport\nStaff: Customer Service Assistant',
      'Found item #{order}: iPhone 13 with a green case, lock screen shows "if found call {phone}". Owner {first} {last} collected {date}.',
      'lost: gold bracelet, engraved "To Mum". reported by {first2} ({phone2}, {email2}) – last seen in the Odeon, Screen 3.',
      'Property enquiry\nName: {name}\nPhone: {phone}\nE-mail: {email}\nDescription: blue Fjällräven backpack with a MacBook and a library card\nHome: {street}, {city} {zip}',
      'Returned to owner: wallet containing a bank card ({card}) and a driving licence for {name}. Postage to {addr_ml} paid by the owner. Logged by {first3}.',
      'Stadium lost & found: kid\'s scooter, name tag "{first}". Parent {name2} rang from {phone2}. Hold at Gate C until {date}.',
    ],
  },
  {
    name: 'moving_quote',
    lower: 0.05,
    templates: [
      'REMOVALS QUOTE {order}\nCustomer: {name}\nFrom: {addr}\nTo: {street2}, {unit2}, {city2} {zip2}\nVolume: 3-bed house, piano, 2 x Ikea PAX wardrobes\nPrice: {money}\nSurveyor: Estimator',
      'Hi {first}, your move is booked for {date}. Crew Lead {first2} will call you on {phone} the evening before. Parking suspension outside {street} is arranged.',
      'Storage contract\nClient: {tname}\nBilling address: {addr_ml}\nContainer 14, Big Yellow Self Storage\nDirect debit from {iban}\nE-mail: {email}',
      'survey notes: {last} family, lots of books, fragile Lladró figurines. lift access at new flat ({unit}) only until {time}. contact {phone2} / {email2}',
      'Claim for breakage: the marble table belonging to {name} was chipped during the move to {street}, {city}. Photos sent from {email}. Insurer: Zurich.',
      'International move enquiry\nName: {name}\nCurrent: {addr}\nDestination country: {country}\nContact: {phone}, {email}\nReferred by {first3} {last3}',
    ],
  },
];
