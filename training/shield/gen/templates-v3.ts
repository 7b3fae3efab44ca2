/**
 * Template families of the third held-out split (v3), written before any tuning on it; their genres,
 * wording and layouts appear in no v1, v2 or training-only family. Each mixes personal data (full, lone
 * and lower-case names, addresses, phones, e-mails, ids) with look-alikes that are not personal data:
 * products, companies, place and building names that are not addresses, code and handles. Held out until
 * the v3 report; development data since (training, cross-validation and sweeps may use them).
 */
import type { Family } from './templates';

export const FAMILIES_V3: Family[] = [
  {
    name: 'insurance_claim',
    lower: 0.03,
    templates: [
      'Subject: Claim {order} – water damage\n\nPolicyholder {name} reports a burst pipe at {addr} on {date}. Loss adjuster assigned: {name2} ({phone2}). Excess payable: {money}.',
      'Hi {first},\n\nWe received the photos of the {product}. Before we settle, please confirm the IBAN for the payout ({iban}) and a daytime number.\n\nClaims Desk, {company}\n{email2}',
      'Third party details\nDriver: {name2}\nVehicle: Toyota Hilux, grey\nInsurer: {company}\nAddress: {addr_ml}\nMobile: {phone2}\n\nOur client {last} says the Hilux reversed into the parked Skoda Octavia.',
      'Motor claim {order}: incident at the Victoria Falls Bridge car park, no injuries. Claimant {tname}, witness {first2} {last2} ({email2}). Repair estimate from {company}: {money}.',
      'Dear {tname},\nyour travel claim for the cancelled trip to Mount Kilimanjaro is approved. The refund of {money} goes to card {card} within 5 working days.\nRegards, {first2}, Claims Handler',
      'FNOL logged {date} {time} by {first} (policy holder {name}) — stolen bicycle, Trek Marlin 7, from the shed at {street}, {city} {zip}. Call back on {phone}.',
    ],
  },
  {
    name: 'legal_filing',
    lower: 0.01,
    templates: [
      'IN THE HIGH COURT OF JUSTICE\nClaim No. {order}\nBETWEEN\n{name}\nClaimant\nand\n{company}\nDefendant\n\nWITNESS STATEMENT OF {name2}',
      'The Respondent, {name}, of {addr}, is ordered to pay the Applicant the sum of {money} by {date}.',
      'Counsel for the plaintiff: {tname2}, {company}, {street}, {city}. Tel. {phone2}. Email: {email2}.',
      'NOTICE OF APPEARANCE\nPlease enter the appearance of {name} as attorney for the defendant {name2} in the matter Grant County Water Board v. {last2}.',
      'Affidavit of service: I, {name}, served the summons on {first2} {last2} at {addr_ml} on {date} at {time}.',
      'Exhibit C – e-mails between {email} and {email2}; bank statement for {iban}; the Lisbon Treaty is cited at paragraph 14. Filed by {first} {last}.',
    ],
  },
  {
    name: 'school_message',
    lower: 0.15,
    templates: [
      'Dear parents of Year 4 Oak class,\nthe trip to the Natural History Museum is on {date}. Please return the slip to {tname} by Friday.',
      "Hi, this is {name}, {first2}'s mum. {first2} has a dentist appointment so she'll be picked up at {time} by her grandad {name3}.",
      'Emergency contacts for {name}\n1. {name2} (mother) – {phone2}\n2. {name3} (uncle) – {phone3}\nHome address: {addr}',
      'Reminder from the PTA: the bake sale raised {money}! Thanks to {first}, {first2} and {first3}. Questions to {email}.',
      'Attendance note: {first} {last} was absent on {date}. Parent {name2} called from {phone2}. The Jefferson Award nominations close next week.',
      'hi mr {last}, can {first2} get the maths homework by email? our new address is {street}, {unit}, {city} {zip}. thanks, {name3}',
    ],
  },
  {
    name: 'property_listing',
    lower: 0.02,
    templates: [
      'FOR SALE – {addr}\n3-bed semi with views of Table Mountain, 2 bath, south-facing garden. Offers over {money}.\nViewings: {name}, {company}, {phone}',
      'Just listed! Sunny 2-bedroom flat at {street}, {unit}, {city} {zip}. Walk to Hyde Park and the Jubilee Line. Contact agent {first} on {phone} or {email}.',
      'Open house {date}, 11:00–13:00, {addr}. Hosted by {tname} of {company}. Ask about the Bosch kitchen and the Velux skylights.',
      'Listing {order}\nVendor: {name2}\nAgent: {name}\nAgent mobile: {phone}\nAgent e-mail: {email}\nProperty: {addr_ml}\nGuide price: {money}',
      'Lease offer accepted for {street}, {city}. Tenant {name2} moves in {date}; deposit {money} paid from {iban}. Landlord {last} to sign.',
      'Price reduced on the Riverside Lofts unit. Not the Sunset Boulevard one — this is {addr}. Call {first} ({phone}) before the weekend.',
    ],
  },
  {
    name: 'event_rsvp',
    lower: 0.05,
    templates: [
      'RSVP list – Spring Gala at the Grand Budapest Ballroom\n1. {name} + 1 – yes\n2. {name2} – no\n3. {name3} – maybe ({email3})',
      'Guest | Meal | Table\n{name} | vegetarian | 4\n{name2} | fish | 4\n{name3} | vegan | 7',
      '{first} {last} has accepted your invitation to "Quarterly Offsite — Lake Como" on {date}. Contact: {email}, {phone}.',
      'Wedding RSVP: {name} and {name2} will attend. Please send the shuttle details to {addr}. Dietary: no nuts.',
      'Please RSVP by {date} to {tname} at {email} or {phone}. Venue: the Mandela Room, level 2 (not the Mandela Hall across the road).',
      'Declined: {first}. Tentative: {first2} {last2}. Accepted: {name3}. Badge pickup for {company} staff at the Olympia Conference Centre.',
    ],
  },
  {
    name: 'forum_post',
    lower: 0.3,
    templates: [
      '@{first} thanks, that fixed it! For anyone else: set `retry_max=5` in nginx.conf and restart.\n\n-- \n{name} | {job} at {company}',
      'Re: selling my {product}\n\nStill available? I can collect from {street} this weekend. PM me or call {phone}. — {first2}',
      "Quoting @{first2}: \"just use Kubernetes\". Sure, but {first3} and I run this on a single Raspberry Pi.\n\n{name}\n{email}",
      'Moderator note: {name} (last seen from {ip}) has been banned for posting the home address of another member ({addr}). Please report doxxing to {email2}.',
      'Has anyone dealt with {company}? They charged my card {card} twice. Support agent {first2} stopped answering. /u/{last} on reddit said the same.',
      'Meetup thread: we will meet at the Brandenburg Gate at {time}, then walk to {addr}. Ping @{first}, @{first2} or call me: {phone}. Cheers, {first3}',
    ],
  },
  {
    name: 'social_profile',
    lower: 0.35,
    templates: [
      "{first}, 29. Loves hiking in Patagonia, bad puns and Spotify playlists. Lives near {city}. Don't message me on here, text {phone}.",
      'About me: {name}, {job} at {company}. Originally from {country}, now at {addr}. DM or email {email}.',
      'Hey, I am {first} {last} :) Pisces, coffee snob, owner of a cat called Jupiter. Insta: @{first}.{last}',
      'Looking for a running buddy around {street}. I am {first}, training for the Boston Marathon. My number is {phone}.',
      'Verified member since {date}\nName: {name}\nHometown: {city}\nWorks at: {company}\nContact: {email}',
      'Bio: mum of two, Tesla Model 3 driver, Marvel fan. Ask for {first2} at the Lotus café on {street}, {city}.',
    ],
  },
  {
    name: 'peer_review',
    lower: 0.01,
    templates: [
      'Dear {tname},\n\nThank you for submitting manuscript {order}, "Graph Neural Networks for Hopf Bifurcation Detection". Reviewer 2 ({name2}) recommends major revisions.\n\nHandling editor, {company}',
      'Reviewer assignment: {name} ({email}), {company}. Conflict of interest declared with co-author {first2} {last2}.',
      'Corresponding author: {name}\nAffiliation: Department of Physics, {company}\nPostal address: {addr_ml}\nTel: {phone}\nE-mail: {email}',
      'The authors benchmark on ImageNet and use the Kolmogorov–Smirnov test, but not the follow-up by {last} et al. I suggest contacting {first} directly at {email}.',
      'Hi {first},\nI can referee the Navier–Stokes paper by {date}. Please send the proofs to my home address this time: {addr}. Best, {name2}',
      'Decision letter {order}: accepted. Copyright form to be signed by {name} and returned to {email2}; APC of {money} charged to card {card}.',
    ],
  },
  {
    name: 'voice_asr',
    lower: 0.6,
    templates: [
      'SPEAKER_00: thank you for holding you are through to {company} how can i help\nSPEAKER_01: yeah hi its {first} {last} calling about my broadband\nSPEAKER_00: can i take a contact number\nSPEAKER_01: its {phone}',
      '[00:00:04] A: and the postcode please\n[00:00:06] B: {zip} that is {street}\n[00:00:11] A: lovely and the name on the account\n[00:00:13] B: {name}',
      'rep: so is {first2} the second account holder\ncustomer: no {first2} is my brother the second holder is {name3}\nrep: okay ill add a note',
      'SPEAKER_01: um my email is {email}\nSPEAKER_00: sorry could you spell the first part\nSPEAKER_01: yes {first} dot {last}',
      'agent: are you still at {addr}\ncaller: no we moved last month to {addr2}\nagent: right and is {phone} still the best number',
      '(voicemail) hi this is {first} from {company} returning {name2}s call about the Dyson V15 warranty please ring me back on {phone} thanks',
    ],
  },
];
