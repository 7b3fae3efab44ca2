/**
 * Template families used only to train the name tagger (never evaluated): names where the lists do not
 * help and only their place in the text does — speaker labels at line starts ("anna: …", "[10:32]
 * mehmet: …", "<ola> …", "Agent (Sofia):"), greetings and vocatives, @mentions, signatures after closings,
 * trailers and headers that carry a name before an e-mail, bookings and assignments. Many samples are
 * written in lower case, as chat often is.
 */
import type { Family } from './templates';

export const FAMILIES_EXTRA: Family[] = [
  {
    name: 'x_speaker_chat',
    lower: 0.5,
    templates: [
      '{first}: morning! is the {product} demo still on?\n{first2}: yes, at {time}\n{first}: great, I will bring {first3}',
      '[{time}] {first}: can someone restart the build?\n[{time}] {first2}: done\n[{time}] {first}: ty {first2}',
      '<{first}> who has the keys to the storage room\n<{first2}> {first3} had them yesterday\n<{first}> ok asking {first3}',
      '{first} ({time}): running late, start without me\n{first2} ({time}): np',
      '{time} {first}: the client wants it by {date}\n{time} {first2}: tell {first} it is not possible',
      '{first} {last}: please send the contract to {email}\n{first2}: will do',
      'Agent ({first}): Thanks for waiting. How can I help?\nCustomer: my parcel never arrived at {addr}\nAgent ({first}): I see, let me check.',
      '{first}: lol {first2} forgot the cake again\n{first2}: not true!!\n{first3}: {first2} it is true',
      '{first}> deploy looks fine\n{first2}> agreed, ship it',
      '* {first} has joined #general\n{first}: hi everyone\n{first2}: hey {first}, welcome',
      '{first} [{time}]\nsent the invoice to {name2}\n\n{first2} [{time}]\nthanks, I will follow up',
      'Q ({first}): when is the next release?\nA ({first2}): early {date}',
    ],
  },
  {
    name: 'x_address_people',
    lower: 0.3,
    templates: [
      'hi {first}, thanks {first2}! see you at {time}',
      'Hey {first} — can you ping {first2} about the {product} refund?',
      '@{first} can you take a look? cc @{first2}',
      'Thanks, {first}! I owe you one.',
      'ok {first}, I told {first2} and {first3} to wait for you at the entrance',
      'Good news {first}: {name2} approved the budget.',
      'Sorry {first}, I missed your call. Ask {first2} for the slides.',
      'Congrats {first} and {first2} on the launch!',
      '{first}, could you share the notes with {first2}?',
      'I spoke with {first} yesterday; {first} says {first2} is handling it.',
      'This is {name} from {company}, returning your call about order {order}.',
      'Hello all, I am {name}, the new {job}.',
      'Please welcome {first}, who joins us from {company}!',
    ],
  },
  {
    name: 'x_headers_trailers',
    lower: 0.05,
    templates: [
      'From: {name} <{email}>\nTo: {name2} <{email2}>\nSubject: {product} order {order}\n\nHi {first2},\nthe parcel left today.\n\nBest,\n{first}',
      'Author: {name} <{email}>\nDate:   {date}\n\n    Handle empty address lines\n\n    Reviewed-by: {name2} <{email2}>',
      'Acked-by: {name} <{email}>\nTested-by: {name2} <{email2}>',
      'Assignee: {name}\nReporter: {name2}\nWatchers: {first3}, {first}',
      'Assigned to {name} by {name2} on {date}.',
      'reported by {first} {last}; fixed by {first2}',
      '"{name}" <{email}> wrote:\n> can we move the meeting to {date}?',
      'On {date}, {name} <{email}> wrote:\n> thanks {first2}, looks good',
      'Reviewer: {first} — approved\nReviewer: {first2} — changes requested',
      'Thanks,\n{first}\n\n--\n{name}\n{job}',
      'Regards\n{first} {last}\n{phone}',
    ],
  },
  {
    name: 'x_bookings',
    lower: 0.1,
    templates: [
      'Guest 1: {name}\nGuest 2: {name2}\nRoom: double, {date}',
      'Traveller: {last}/{first} {tname2}\nSeat 14C',
      'Reservation for {first} {last} at {time} (party of 4). Call {phone} to change.',
      'Ticket holder: {name}. Pickup at {addr}.',
      'Your host {first} will welcome you at {street}, {city}.',
      'Courier {first} is on the way to {addr}; contact {phone}.',
      'The booking is under the name {last}.',
      'Pax: {name}, {name2}\nPNR {order}',
    ],
  },
  {
    name: 'x_addresses',
    lower: 0.2,
    templates: [
      'Ship to: {name}\n{addr_ml}',
      'Deliver to {street}, {unit}, {city} {zip}',
      'My address: {addr}',
      'We moved! New place: {street}, {city}, {country}',
      '{name}\n{street}\n{zip} {city}\n{country}',
      'Pickup point: {addr} (ask for {first})',
      'mail it to {addr} please',
    ],
  },
];
