/*
 * Words that name a role, a record field, a section or a thing rather than a person, in several languages.
 * Records of every trade label their lines with them ("Seller:", "Claims Handler", "Locataire:"), and a learned
 * reader of names, seeing a capitalised word at a line start before a colon, easily takes them for speakers or
 * names. Keys are lower case without accents (as person-context.ts's keyOf gives them).
 */

function toSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Roles of people in a record (who someone is, not their name), English and other languages. */
export const ROLE_NOUNS: ReadonlySet<string> = toSet(`
vendor vendors seller sellers buyer buyers purchaser landlord landlady tenant tenants lessor lessee owner owners
occupant occupier resident residents guarantor mortgagee mortgagor broker brokers realtor auctioneer surveyor
valuer conveyancer solicitor solicitors barrister attorney lawyer counsel notary clerk registrar judge magistrate
claimant claimants plaintiff defendant defendants respondent respondents applicant applicants appellant petitioner
witness witnesses complainant accused insured insurer insurers underwriter underwriters policyholder beneficiary
adjuster adjusters assessor assessors handler handlers investigator examiner inspector auditor
driver drivers rider cyclist pedestrian passenger passengers pilot captain crew owner operator
patient patients doctor physician nurse surgeon therapist dentist pharmacist carer caregiver guardian parent
parents child children grandchild grandchildren player players pupil pupils student students teacher teachers tutor principal headteacher head coach trainer
employee employees employer manager managers supervisor director directors chair chairman chairperson president
secretary treasurer member members committee board officer officers representative rep reps delegate
reviewer reviewers referee referees editor editors author authors contributor contributors maintainer
maintainers moderator moderators poster commenter sender recipient recipients addressee requester reporter
assignee approver organiser organizer organisers organizers host hosts guest guests attendee attendees
invitee invitees speaker speakers presenter panelist volunteer volunteers sponsor sponsors donor donors
customer customers client clients consumer subscriber subscribers user users account holder holders
caller agent agents advisor adviser consultant specialist technician engineer developer analyst
contractor subcontractor supplier suppliers merchant payee payer debtor creditor lender borrower
signatory witnessed executor executrix trustee trustees heir spouse partner next kin contact contacts lodger
lodgers boarder boarders visitor visitors
plumber electrician locksmith cleaner courier caretaker warden churchwarden steward vicar priest pastor rabbi imam
recruiter photographer celebrant officiant organist gardener handyman decorator janitor concierge receptionist nanny
midwife
emergency
vendeur vendeuse acheteur bailleur locataire proprietaire assure assureur temoin demandeur defendeur
vermieter mieter kaufer verkaufer eigentumer versicherer versicherte zeuge klager beklagter gutachter
gutachters sachbearbeiter
vendedor comprador arrendador arrendatario inquilino propietario asegurado aseguradora testigo demandante
demandado titular
venditore acquirente locatore locatario inquilino proprietario assicurato assicuratore testimone
verkoper koper verhuurder huurder eigenaar verzekeraar verzekerde getuige
`);

/** Words that head a record's fields or a document's sections, and the things such fields describe. */
export const SECTION_WORDS: ReadonlySet<string> = toSet(`
property properties listing listings lot plot parcel premises dwelling unit flat apartment house home
guide asking price prices rent deposit fee fees tenure freehold leasehold council tax epc rating
viewing viewings viewing features description summary details detail overview notes note remarks comments
vehicle vehicles car bicycle bike motor motorbike registration reg plate make model colour color mileage
policy policies claim claims incident accident loss damage damages injury injuries excess premium cover
coverage settlement reference ref case docket matter filing exhibit schedule clause section paragraph
dietary diet allergies allergy requirements plus-one rsvp attending attendance menu venue dress code
gala ball banquet reception ceremony dinner lunch party festival concert conference summit workshop
seminar webinar meetup fair expo show exhibition
museum gallery library theatre theater cinema stadium arena hall ballroom hotel hostel inn restaurant cafe
park garden gardens square station airport harbour harbor port bridge tunnel tower castle palace cathedral
church chapel mosque temple shrine monastery school college university academy institute hospital clinic
centre center mall market line lane
desk department dept division team office unit branch bureau agency authority ministry council
subject topic thread post reply quote edit update bio about profile status location hometown interests
hobbies occupation job role position title employer education
`);

/** Interjections and fillers of speech transcripts, in several languages: never a name. */
export const INTERJECTIONS: ReadonlySet<string> = toSet(`
ok okay okey oke okie alright allright yeah yep yup yes no nope nah hmm hm mm mhm uh um uhm er erm ah oh ooh
wow huh eh hey hi hello bye sure right fine great cool thanks thank please sorry pardon well so anyway
vale bueno claro si oui ouais bon d'accord ja jawohl nee nein genau tak da evet haan achha theek ji
`);

/** Star signs and words people describe themselves with in a profile ("pisces, coffee snob, marvel fan"). */
export const SELF_DESCRIPTIONS: ReadonlySet<string> = toSet(`
aries taurus gemini cancer virgo libra scorpio sagittarius capricorn aquarius pisces
fan fans lover lovers snob geek nerd buff addict junkie enthusiast fanatic foodie gamer reader runner
hiker traveller traveler introvert extrovert mum mom dad parent owner
`);

/** Nouns that make the word before them a taste, not a person: "Marvel fan", "coffee snob", "tea lover". */
export const TASTE_NOUNS: ReadonlySet<string> = toSet(`
fan fans lover lovers snob snobs geek geeks nerd nerds buff buffs addict addicts junkie junkies enthusiast
enthusiasts fanatic fanatics aficionado connoisseur
`);

/** A place-type word: a capitalised run right before one names a place, not a person ("Hyde Park"). */
export const PLACE_HEADS: ReadonlySet<string> = toSet(`
park gardens garden square street road avenue lane museum gallery library theatre theater stadium arena hall
ballroom hotel station airport bridge tunnel tower castle palace cathedral church chapel mosque temple
school college university academy institute hospital clinic centre center mall market falls lake river
mountain beach bay island islands valley forest heights line
`);

/** True when a (lower-case, accent-free) word is a role, section, interjection or self-description. */
export function isRoleOrSectionWord(key: string): boolean {
  return ROLE_NOUNS.has(key) || SECTION_WORDS.has(key) || INTERJECTIONS.has(key) || SELF_DESCRIPTIONS.has(key);
}
