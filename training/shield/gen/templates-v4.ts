/**
 * Template families of the fourth held-out split (v4), written before any tuning on it; their genres,
 * wording and layouts appear in no v1, v2, v3 or training-only family. Each mixes personal data (full,
 * lone and lower-case names, titled names, addresses with units and postcodes or PO boxes, phones,
 * e-mails, cards, IBANs, IPs) with look-alikes that are not personal data. Gold convention, as in the
 * earlier splits: only slot values are personal data; role words and job titles ("the pharmacist",
 * "Driver", "Treasurer"), drug, product, brand, company, building and place names, and pets' and
 * horses' names written in the template are not PERSON and carry no span. Held out until the v4 report;
 * development data since (training, cross-validation and sweeps may use them).
 */
import type { Family } from './templates';

export const FAMILIES_V4: Family[] = [
  {
    name: 'pharmacy_refill',
    lower: 0.05,
    templates: [
      'Refill request Rx {order}\nPatient: {name}\nDOB: {date}\nMedication: Atorvastatin 20 mg, 90 tablets\nPrescriber: {tname2}\nDeliver to: {addr}\nContact: {phone}',
      'Hi {first}, your repeat prescription for Ventolin and Seretide is ready at Boots, Market Street. Reply STOP to opt out. Questions? {phone2}',
      'Pharmacist note: spoke with {name} re. the Metformin dose; daughter {first2} collects on Fridays. Card on file {card}. Follow-up e-mail: {email}',
      'auto-refill paused for {last}, {first} – insurance rejected claim {order}. please call the pharmacy or the patient at {phone} before {date}.',
      'Prescription transfer\nFrom: Lloyds Pharmacy, High Street branch\nTo: {company}\nPatient {name2}, {street}, {unit}, {city} {zip}\nE-mail {email2}\nApproved by the duty pharmacist',
      'Dear {tname},\nthe Ozempic pens you ordered are out of stock until {date}. We can post the Amlodipine to {addr_ml} now. Reply to {email} or ring {phone}.\nDispensary team',
    ],
  },
  {
    name: 'courier_app_chat',
    lower: 0.7,
    templates: [
      'driver: hi im outside {street} but the gate is locked\ncustomer: coming down now, im {first}\ndriver: ok blue toyota prius, plate ends 42',
      '[courier] parcel for {name} left with neighbour at {unit}, same building. photo uploaded. any issue call {phone}',
      'customer: pls dont ring the bell baby sleeping, leave it by the door at {addr}\ndriver {first2}: no problem 👍',
      'support: your rider {first2} is 3 min away\nyou: can he call me on {phone} when he is at the lobby? ask for {first} {last}',
      'rider {first2} marked order {order} as delivered to {street}, {city} {zip} at {time}. not you? email {email} or reply here',
      'hey its {first} from the swiggy-style app, the address pin is wrong, real one is {addr}, flat buzzer says {last}. receipt to {email}',
    ],
  },
  {
    name: 'fraud_dispute',
    lower: 0.01,
    templates: [
      'Dear Sir or Madam,\n\nI, {name}, dispute the transaction of {money} on {date} on my card {card}. I did not authorise this payment to "Amazon Mktp". Please refund it to {iban}.\n\nYours faithfully,\n{name}\n{addr_ml}',
      'Re: Chargeback reference {order}\n\nDear {tname},\nour fraud team has reviewed the claim. The login came from {ip}, not from your usual device. Please call us on {phone2} quoting your reference.\nFraud Operations, {company}',
      'To whom it may concern: my late father {name2} was the account holder. Someone opened a loan in his name at {street}, {city}. Please contact me, {first} {last}, at {email} or {phone}.',
      'Dispute form\nCardholder: {name}\nCard number: {card}\nMerchant: Netflix.com\nAmount: {money}\nAddress: {addr}\nDaytime phone: {phone}\nE-mail: {email}',
      'Dear Customer Services,\nthe direct debit from {iban} to Apex Gym was cancelled on {date} but {money} was still taken. I enclose the letter from the branch manager. Regards, {last}, {first} ({email})',
      'Case note: customer {first} called from {phone} and says the card {card} never left her purse; the Visa Secure code was sent to {email2}. Escalated to {name2}, investigator.',
    ],
  },
  {
    name: 'conference_badges',
    lower: 0.02,
    templates: [
      'badge_name;full_name;organisation;email;mobile\n{first};{name};{company};{email};{phone}\n{first2};{name2};Speaker;{email2};{phone2}',
      'Reg ID,First,Last,Company,Job Title,Country,Email\n{order},{first},{last},{company},{job},{country},{email}',
      '"{last}, {first}","{company}","{email}","VIP","Gala dinner: yes"\n"{last2}, {first2}","Exhibitor","{email2}","Standard","Gala dinner: no"',
      'ATTENDEE\n{name}\n{job}\n{company}\nQR {order}\n-- ship badge to: {addr}',
      'Registration confirmed for {tname} – KubeCon Europe, Hall B. Invoice address: {street}, {unit}, {zip} {city}. Questions: {email2} / {phone2}',
      'first_name\tlast_name\tdiet\tphone\n{first}\t{last}\tHalal\t{phone}\n{first2}\t{last2}\tnone\t{phone2}\nSession chair: {name3} <{email3}>',
    ],
  },
  {
    name: 'genealogy_notes',
    lower: 0.04,
    templates: [
      'Family tree notes – the {last} line\n{name} (b. {date}) married {name2}; they lived at {addr} until the war. Their son {first3} emigrated.',
      "Great-aunt {first} kept the farm near {city}. Cousin {name2} has the letters – e-mail {email2} or phone {phone2}. Ancestry.com DNA match: 27 cM.",
      'Census extract: household at {street}, {city}. Head: {name}. Wife: {first2}. Lodger: {name3}, occupation: {job}. Dog: Rex.',
      'GEDCOM note: @I{order}@ {first} /{last}/ — source: parish register of St Mary, baptisms. Contact researcher {name2} ({email2}).',
      "Grandma's address book: {name} – {addr_ml} – {phone}. The entry under 'Uncle {first2}' just says Canada.",
      'Reunion planning: {first}, {first2} and {last3}s all coming. RSVP to {email} by {date}. Meet at the Old Mill Inn, not the house on {street}.',
    ],
  },
  {
    name: 'volunteer_roster',
    lower: 0.1,
    templates: [
      'FOOD BANK ROTA – week of {date}\nMon: {first} {last} (van driver)\nTue: {name2}\nWed: Coordinator to confirm\nKey holder: {first3}, {phone3}',
      'Volunteer | Role | Phone\n{name} | Treasurer | {phone}\n{name2} | Chair | {phone2}\n{name3} | First aider | {phone3}',
      'Hi all, {first} here. Can someone swap my Saturday shift at the charity shop on {street}? Otherwise ask {first2}. My email: {email}',
      'New volunteer: {name}, {addr}. DBS check done {date}. Emergency contact {name2} ({phone2}). Prefers the Tuesday soup kitchen at St Andrew\'s Hall.',
      'park cleanup sat {time} – meet at the bandstand. leads: {first}, {first2}. bring gloves. Questions to {email2} or text {phone}',
      'Shift log {order}: {first} {last} signed in at {time}, signed out by team leader {tname2}. Address on the form: {street}, {unit}, {city} {zip}. E-mail {email}.',
    ],
  },
  {
    name: 'tenancy_whatsapp',
    lower: 0.45,
    templates: [
      '[{date}, {time}] Landlord: Hi {first}, the plumber {first2} is coming tomorrow morning to fix the boiler\n[{date}, {time}] {first}: ok thanks, ill leave the key with {last3} next door',
      '[{time}] {first}: rent for this month sent to {iban} ✅\n[{time}] Landlord {name2}: received, thanks!',
      'tenant: the washing machine in {unit} is leaking again\nlandlord: sorry about that, ill send {name2}, his number is {phone2}',
      '{name}: hi, this is the new tenant at {addr}. my e-mail for the deposit scheme is {email}\nagent: thank you, welcome to Maple Court',
      '[{date}] {first2}: pls dont park in bay 4, it belongs to {first} at {street}\n[{date}] you: noted, sorry',
      'Landlord: inspection on {date} at {time}. If you cannot be there, {first2} from Harbour Lettings will let themselves in. Any questions call {phone} or email {email}. Address: {addr_ml}',
    ],
  },
  {
    name: 'vet_clinic_record',
    lower: 0.03,
    templates: [
      'Patient: Biscuit (Labrador, 7 y)\nOwner: {name}\nAddress: {addr}\nTel: {phone}\nVet: {tname2}\nDiagnosis: otitis externa, Surolan drops prescribed.',
      'Reminder: Luna is due her booster on {date}. Book online or call {phone}. — {company} Vets. Owner on file: {first} {last}, {email}',
      "Consult notes: {first}'s cat Mr Whiskers seen for weight loss; bloods sent to IDEXX. Owner {name} to call {phone2} for results. Invoice {money} to card {card}.",
      'Horse passport transfer: Bella Rosa (mare) sold by {name} to {name2}, {street}, {city} {zip}. Yard manager {first3} witnessed.',
      'Pet insurance claim for Max the beagle. Policyholder {name}, {addr_ml}, {email}. Treating vet: {tname2}, {phone2}.',
      'admitted: Coco (rabbit). owner {first} {last} dropped off at {time}, pick-up by partner {first2}. contact {phone} / {email}',
    ],
  },
  {
    name: 'job_screening',
    lower: 0.02,
    templates: [
      'Candidate screening – {job}\nName: {name}\nLocation: {city}\nPhone: {phone}\nE-mail: {email}\nNotes: 6 years at {company}; strong SQL; notice period 1 month.',
      'Phone screen with {first} went well. Referee 1: {name2} (former line manager, {phone2}). Referee 2: {tname3}. Recommend onsite with the Head of Data.',
      'Applicant {order}: {last}, {first}. Current address {addr}. Right to work checked {date}. Salary expectation {money}. Recruiter: {first2}.',
      "Hiring panel notes: candidate {name} asked about the Product Owner role and hybrid work. Didn't mention {company} on the CV. Follow up via {email}.",
      'Offer letter draft\nDear {tname},\nwe are delighted to offer you the position of {job}. Please return the signed contract to {addr_ml} or {email2} by {date}.\nPeople Team',
      'rejected: {first} {last} ({email}) – no visa sponsorship. shortlist: {name2}, {name3}. HR contact for scheduling: {phone}',
    ],
  },
];
