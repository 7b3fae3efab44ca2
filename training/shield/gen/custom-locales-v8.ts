/**
 * Locales of the eighth held-out split (v8), written for this project before any tuning on it: languages
 * no v1–v7 locale covers, with their own naming customs (Lakota surnames of two English words (Two Bulls,
 * Iron Shell, Kills Enemy) and birth-order given names (Chaske, Winona), Inuit surnames from fathers'
 * given names (Lucassie, Peter, Mike), Wayuu clan names (Epieyú, Uriana, Pushaina) as Colombian double
 * surnames, Miskito English and Moravian surnames, Wolof Ndèye/Mame/Sokhna given names, Kalenjin Kip-/Chep-
 * names between a Christian name and the father's name, Swazi clan names and the married woman's "La"
 * form (LaMsibi), Mende given names that are also surnames (Lahai, Vandi, Brima), Baoulé day names
 * (Kouassi, Akissi) written family first with N' names (N'Guessan, N'Dri), Umbundu surnames after
 * Portuguese given names, Meitei family names first and Singh/Devi/Chanu after the given name, Santal clan
 * names in their many spellings (Hansda, Hansdah, Hasdak), Tulu Bunt and Billava surnames (Shetty, Rai,
 * Poojary, Bangera), Sindhi caste names after two-word given names (Allah Dino, Khuda Bux), Shan Sai/Nang
 * names without a family name, Okinawan surnames (Higa, Shimabukuro, Kyan) and older women's names (Kamado,
 * Ushi), Tuvaluan and Chuukese surnames from fathers' names, Rapa Nui double surnames (Hey, Pakarati), and
 * Kabardian -ov/-ova surnames), address forms (Pine Ridge "BIA Route" and "HC Box", Iqaluit building
 * numbers, Colombian "Calle 12 # 7-45" and rancherías, Bilwi landmark directions, Dakar "Rue 11 x 22" and
 * Sicap villas, Kenyan "P.O. Box 1234" and estates, Mbabane plots, Bo "off Tikonko Road", Bouaké îlots,
 * Huambo quarteirões, Imphal "Leikai", Santal villages with post office, Mangaluru "3-45/2" door numbers,
 * Hyderabad (Sindh) blocks and portions, Taunggyi quarters and wards, Naha "3-14-2 Makishi" and "Aza",
 * Funafuti villages, Weno villages, Hanga Roa "s/n", Nalchik "ul. d. kv.") and the country's postcode
 * form, or its PO box where the country has none (Nicaragua in practice, Sierra Leone, Angola, Tuvalu).
 * Names are romanized as English-language business text writes them. They are reachable only through
 * `generate('heldout-v8')`: locales.ts, compose.ts and `generateFrom` (training, cross-validation,
 * threshold sweeps) do not know them.
 */
import * as F from '@faker-js/faker';
import type { LocaleSource } from './locales';
import { specSource, type LocaleSpecV3 } from './custom-locales-v3';

type Pick = <T>(xs: readonly T[]) => T;
const w = (s: string) => s.split(/\s+/).filter(Boolean).map((x) => x.replace(/_/g, ' '));

/** Same fields as the v3 specs (see LocaleSpecV3). */
export type LocaleSpecV8 = LocaleSpecV3;

const twoSurnames = (share: number) => (pick: Pick, _female: boolean, s: LocaleSpecV8) =>
  F.fakerEN.datatype.boolean(share) ? `${pick(s.surnames)} ${pick(s.surnames)}` : pick(s.surnames);
/** Kalenjin names: a Kip-/Chep- name often stands between the Christian name and the father's name. */
const KIP = w('Kiprotich Kipchoge Kiptoo Kipkemboi Kibet Kiprono Kipruto Kimutai Kipkorir Kiplimo');
const CHEP = w('Chepkoech Jepkosgei Chepngetich Jeptoo Chelimo Cherono Chepchumba Jerotich Chebet Jemutai');
const kalenjin = (pick: Pick, female: boolean, s: LocaleSpecV8) =>
  F.fakerEN.datatype.boolean(0.35) ? `${pick(female ? CHEP : KIP)} ${pick(s.surnames)}` : pick(s.surnames);
/** A married Swazi woman is often written by her own clan name with "La" (LaMsibi, LaDlamini). */
const swazi = (pick: Pick, female: boolean, s: LocaleSpecV8) =>
  female && F.fakerEN.datatype.boolean(0.12) ? `La${pick(s.surnames)}` : pick(s.surnames);
/** Shan personal names have one or two syllables after the Sai/Nang given part and no family name. */
const shan = (pick: Pick, _female: boolean, s: LocaleSpecV8) =>
  F.fakerEN.datatype.boolean(0.45) ? `${pick(s.surnames)} ${pick(s.surnames)}` : pick(s.surnames);
/** Kabardian (Russian-form) feminine surnames: "Kokov" → "Kokova", "Tkhagapsoev" → "Tkhagapsoeva". */
const ovFeminine = (s: string) => (/(ov|ev|in)$/.test(s) ? `${s}a` : s);

export const LOCALE_SPECS_V8: LocaleSpecV8[] = [
  // americas
  { locale: 'lkt', group: 'americas', country: 'Pine Ridge Reservation', region: 'US', postcodeFirst: false,
    male: w('Vernell Dusty Wambli Birgil Lyle Orville Delmar Harlan Chaske Ohitika Marlon Tyrel Gerald Clarence'),
    female: w('Winona Wichapi Tasina Darlene Vina Cecelia Loretta Marcella Charmaine Delphine Zintkala Janelle Roberta Shawnee'),
    surnames: w('Two_Bulls Red_Cloud Iron_Shell Black_Elk Little_Thunder Yellow_Horse American_Horse Brave_Heart Long_Soldier White_Plume Janis Pourier Mesteth Two_Crow Kills_Enemy Poor_Bear Runs_Above High_Horse Ecoffey Bissonette Tobacco Last_Horse Cottier Good_Voice Bear_Runner Swift_Hawk Shangreaux'),
    streetFormats: ['{n} BIA Route {m}', 'HC {m} Box {n}', '{n} {name} {type}', 'House {n}, {name} Housing'],
    streets: w('Cheyenne Crazy_Horse Sitting_Bull Spotted_Tail Wounded_Knee Tatanka Cankpe_Opi Wanblee Sun_Dance Red_Shirt'),
    types: w('Ave St Dr Loop'),
    units: ['Apt {n}', 'Trailer {m}', 'Unit {n}', 'Lot {n}'],
    cities: w('Pine_Ridge Kyle Wanblee Manderson Porcupine Oglala Allen Wounded_Knee Rosebud Mission'),
    state: 'SD',
    postcodes: ['57770', '57752', '57577', '57756', '57764', '57555'],
    phones: ['(605) 867-####', '+1 605 867 ####', '605-455-####', '(605) 867-#### ext. ###'] },
  { locale: 'iu', group: 'americas', country: 'Nunavut', region: 'CA', postcodeFirst: false,
    male: w('Joamie Lucassie Pauloosie Jaypeetee Simeonie Aksayook Ooleetoa Qajaaq Jopee Mosesie Tagak Manitok Nowdluk Adamie'),
    female: w('Elisapee Atuat Mumilaaq Annie Oopah Leesee Meeka Pitseolak Kautaq Sheila Jeela Siila Maata Naullaq'),
    surnames: w('Kilabuk Pitseolak Ashevak Ipeelee Akpaliapik Qaqqaq Nakashuk Kunuk Arreak Oolayou Akeeagok Tootoo Nungaq Komaksiutiksak Qumuatuq Evaluarjuk Aglukkaq Kusugak Netser Pudlat Peter Kadloo Enuaraq Alainga Anawak Mike Lucassie'),
    streetFormats: ['Bldg {n}{m}, {name} {type}', '{n}{m} {name} {type}', 'House {n}{m}, P.O. Box {n}'],
    streets: w('Niaqunngusiaq Queen_Elizabeth Federal Mivvik Iglulik Tumiit Sivumugiaq Nipisa Atungauja Kuuk'),
    types: w('Road Way Crescent'),
    units: ['Apt {n}', 'Unit {m}', 'Room {n}', 'Suite {m}{n}'],
    cities: w('Iqaluit Pangnirtung Kimmirut Igloolik Pond_Inlet Clyde_River Qikiqtarjuaq Kinngait Arctic_Bay Rankin_Inlet'),
    state: 'NU',
    postcodes: ['X0A 0H0', 'X0A 1H0', 'X0A 0R0', 'X0A 0L0', 'X0A 0S0', 'X0C 0G0'],
    phones: ['(867) 979-####', '+1 867 979 ####', '867-473-####', '(867) 975-#### ext. ###'] },
  { locale: 'guc', group: 'americas', country: 'Colombia', region: 'CO', postcodeFirst: false,
    male: w('Nemesio Eliécer Weimar Yosimar Remedio Ovidio Hilario Cayetano Aurelio Segundo Rubén Dairo Luis_Ángel Jesús'),
    female: w('Mayerlis Yanelis Ludys Yarley Dilia Aminta Francia Matilde Omaira Leonor Griselda Ana_Rita Karmen Soraida'),
    surnames: w('Epieyú Uriana Ipuana Pushaina Jayariyú Epinayú Sapuana Jusayú Apshana Arpushana Pausayú Wouriyú Urariyú Uriyú Sijona Jitnu Uraliyú Pana Iguarán Pimienta Ballesteros Fince Gouriyú Atpushana Montiel González Bouriyú'),
    surname: twoSurnames(0.7),
    streetFormats: ['{type} {n} # {m}-{n}', '{type} {n} No. {m}-{n}, barrio {name}', 'Ranchería {name}, casa {n}'],
    streets: w('Mayapo Aremasain Jorrotuy Marbacella Los_Olivos Cactus Buenos_Aires Paraguachón Taroa Siapana'),
    types: w('Calle Carrera Cra. Cl.'),
    units: ['apto. {n}', 'local {m}', 'piso {m}, oficina {n}', 'casa {m}'],
    cities: w('Riohacha Maicao Uribia Manaure Albania Hatonuevo Barrancas Dibulla Fonseca Nazareth'),
    postcodes: ['440001', '440002', '442001', '44####'],
    phones: ['300 ### ####', '+57 301 ### ####', '(605) 727 ####', '+57 605 728 #### ext. ###'] },
  { locale: 'miq', group: 'americas', country: 'Nicaragua', region: 'NI', postcodeFirst: false,
    male: w('Brooklyn Steadman Wycliffe Centuriano Osorno Roderick Elmer Waldo Sandy Hilario Cristóbal Nolan Ulises Fenton'),
    female: w('Tininiska Hazel Mirna Lottie Alta Nubia Rutilia Elizabeth Marcelina Dorlan Yamileth Kenia Sinforosa Ivania'),
    surnames: w('Fagoth Hooker Downs Cunningham Lau Diego Rivera Knight Henríquez Wilson Thomas Coleman Bushey Zelaya Taylor Sambola Joseph Kingsman Cornelio Webster Bans Pravia Lacayo Morales Poveda Gómez Hodgson'),
    surname: twoSurnames(0.4),
    streetFormats: ['Barrio {name}, de la Iglesia Morava {m} cuadras al mar, casa {n}', 'Barrio {name}, del muelle {m} c. arriba', 'Barrio {name}, {type} principal, casa {n}'],
    streets: w('Libertad Pancasán Revolución Moravo El_Muelle San_Judas Nuevo_Amanecer Spanish_Town Loma_Fresca Aeropuerto'),
    types: w('calle avenida'),
    units: ['cuarto {n}', 'casa {m}', 'módulo {m}', 'apto. {n}'],
    cities: w('Bilwi Puerto_Cabezas Waspam Sandy_Bay Krukira Prinzapolka Bluefields Rosita Siuna Bonanza'),
    postcodes: ['Apdo. ##', 'Apartado Postal ###'],
    phones: ['2792 ####', '+505 2792 ####', '8### ####', '+505 2792 #### ext. ##'] },
  // africa
  { locale: 'wo', group: 'africa', country: 'Sénégal', region: 'SN', postcodeFirst: false,
    male: w('Mamadou Modou Moustapha Cheikh Abdoulaye Ousmane Serigne Babacar Aliou Pape Ibrahima Lamine Saliou Massamba'),
    female: w('Fatou Aminata Khady Ndèye Awa Coumba Mame_Diarra Astou Rokhaya Sokhna Bineta Adama Maguette Dieynaba'),
    surnames: w('Diop Ndiaye Fall Gueye Diouf Sarr Mbaye Ndoye Seck Faye Thiam Cissé Niang Sy Dieng Wade Lo Samb Diagne Mbengue Sène Ngom Thiaw Diakhaté Gaye Mboup Ndour'),
    streetFormats: ['Villa n° {n}, {name} {m}', 'Rue {n} x {n}, {name}', '{n}, {type} Cheikh Anta Diop, {name}', 'Immeuble {n}, {type} Blaise Diagne, {name}'],
    streets: w('Sicap_Liberté HLM_Grand_Yoff Sacré-Cœur Médina Ouakam Point_E Mermoz Parcelles_Assainies_Unité Keur_Gorgui Fann_Résidence'),
    types: w('avenue rue boulevard'),
    units: ['appt {n}', '{m}e étage', 'bureau {n}', 'villa {n}'],
    cities: w('Dakar Pikine Guédiawaye Rufisque Thiès Touba Kaolack Saint-Louis Louga Mbour'),
    postcodes: ['10###', '12###', 'BP ####'],
    phones: ['77 ### ## ##', '+221 77 ### ## ##', '33 8## ## ##', '+221 33 8## ## ## poste ###', '78 ### ## ## ext. ##'] },
  { locale: 'kln', group: 'africa', country: 'Kenya', region: 'KE', postcodeFirst: false,
    male: w('Eliud Wilson Geoffrey Kiprono Kibet Kipruto Kimutai Kipkemboi Evans Hillary Shadrack Benard Kiprotich Amos'),
    female: w('Faith Chepkoech Jepkosgei Chepngetich Jeptoo Chelimo Cherono Mercy Hellen Chebet Jemutai Beatrice Purity Gladys'),
    surnames: w('Kipchoge Rotich Korir Kiprop Cheruiyot Kosgei Ruto Keter Kiptoo Langat Kirui Bett Koech Tanui Sang Mutai Rono Kemboi Kiplagat Biwott Tergat Chumba Kipkorir Yego Ngeno Too Kipyegon'),
    surname: kalenjin,
    streetFormats: ['Plot {n}, {name} {type}', 'House No. {n}, {name} Estate', 'P.O. Box {n}{m}', '{name} {type}, {type} House, {m}th Floor'],
    streets: w('Uganda Oloo Kenyatta Elgeyo Iten Kapsoya Elgon_View Pioneer Kipchoge_Keino Moi'),
    types: w('Road Street Avenue'),
    units: ['Hse No. {n}', 'Flat {m}{n}', 'Room {n}', 'Suite {n}'],
    cities: w('Eldoret Kericho Iten Kapsabet Kabarnet Bomet Litein Nandi_Hills Kapsowar Sotik'),
    postcodes: ['30100', '20200', '30700', '30300', '20400'],
    phones: ['0722 ### ###', '+254 722 ### ###', '053 20#####', '+254 53 20##### ext. ###', '0712 ######'] },
  { locale: 'ss', group: 'africa', country: 'Eswatini', region: 'SZ', postcodeFirst: false,
    male: w('Sibusiso Mandla Bongani Sandile Themba Mduduzi Sifiso Lwazi Musa Vusi Sabelo Mfanasibili Ndumiso Thulani'),
    female: w('Nomsa Thandeka Lindiwe Nonhlanhla Zanele Phindile Sibongile Nokuthula Gcebile Temalangeni Lomcebo Tengetile Ncobile Siphiwe'),
    surnames: w('Dlamini Nkambule Simelane Mamba Magagula Shongwe Masilela Hlophe Motsa Gamedze Tsabedze Mkhabela Matsebula Ginindza Kunene Vilakati Nxumalo Fakudze Mavuso Sihlongonyane Mabuza Thwala Maziya Dube Msibi Zwane Ndzimandze'),
    surname: swazi,
    streetFormats: ['Plot {n}, {name} {type}', 'Lot {n}, {name} Township', 'P.O. Box {n}', '{n} {name} {type}'],
    streets: w('Gilfillan Mahlokohla Dzeliwe Somhlolo Msakato Sozisa Mhlambanyatsi Mbandzeni Lomadokola Ngwane'),
    types: w('Street Road Avenue'),
    units: ['Flat {n}', 'Office {n}, Level {m}', 'Unit {m}', 'Shop {n}'],
    cities: w('Mbabane Manzini Lobamba Siteki Nhlangano Piggs_Peak Matsapha Ezulwini Big_Bend Hlatikulu'),
    postcodes: ['H100', 'M200', 'H1##', 'M2##', 'L3##', 'S4##'],
    phones: ['2404 ####', '+268 2404 ####', '76## ####', '+268 7### #### ext. ##', '2505 ####'] },
  { locale: 'men', group: 'africa', country: 'Sierra Leone', region: 'SL', postcodeFirst: false,
    male: w('Lansana Momoh Sheku Lahai Amadu Foday Joseph Ibrahim Kemoh Vandi Brima Sahr Bockarie Mustapha'),
    female: w('Kadiatu Mamie Hawa Jeneba Isatu Fatmata Massah Kumba Yei Musu Christiana Memunatu Satta Mariama'),
    surnames: w('Kallon Lahai Gbla Jusu Vandi Saffa Kpaka Sandi Kanneh Kemokai Fomba Gbondo Kpana Brima Kamanda Swaray Senesie Mattia Moiwo Mboma Boima Margai Bockarie Samai Koroma Fofanah Kortu'),
    streetFormats: ['No. {n} {name} {type}', '{n}{m} {name} {type}', '{n} {name} {type}, off Tikonko Road'],
    streets: w('Dambara Bojon Mahei_Boima Tikonko Fenton Coronation Hospital Mattru Njai_Town Kpetema'),
    types: w('Street Road Lane'),
    units: ['Flat {m}', 'Room {n}', 'Upstairs, Suite {n}', 'Shop {m}'],
    cities: w('Bo Kenema Moyamba Pujehun Kailahun Segbwema Blama Mattru_Jong Njala Daru'),
    postcodes: ['P.O. Box ###', 'P.M.B. ##'],
    phones: ['076 ######', '+232 76 ######', '088 ### ###', '+232 78 ### ### ext. ##', '032 ## ###'] },
  { locale: 'bci', group: 'africa', country: "Côte d'Ivoire", region: 'CI', postcodeFirst: false,
    male: w('Bertin Jean-Baptiste Serge Yao Kouassi Konan Koffi Kouamé Kouadio Kouakou Firmin Hervé Yves Aristide'),
    female: w('Akissi Adjoua Amenan Ahou Aya Affoué Amoin Sylvie Brigitte Solange Clarisse Rosine Germaine Mireille'),
    surnames: w("N'Guessan N'Dri Kouassi Kouadio Konan Yao Koffi Kouamé Kouakou Brou Allou Kra Tanoh Kanga Amani Ahoussou Akoto Kan Djè Goli Assié Kablan N'Goran Kobenan Kacou Ouffouè Amon"),
    familyFirst: true,
    streetFormats: ['Quartier {name}, lot {n}, îlot {m}', 'Cocody Riviera {m}, villa {n}', '{type} {name}, porte {n}'],
    streets: w("Commerce Koko Air_France Dar-es-Salam Ahougnansou Kennedy Nimbo Belleville Sokoura N'Gattakro"),
    types: w('rue boulevard avenue'),
    units: ['appt {n}', 'bâtiment {m}, appt {n}', 'bureau {n}', 'villa {n}'],
    cities: w('Bouaké Yamoussoukro Abidjan Sakassou Béoumi Toumodi Dimbokro Tiébissou Didiévi Bocanda'),
    postcodes: ['01 BP ####', '08 BP ###', 'BP ####', '28 BP ###'],
    phones: ['07 ## ## ## ##', '+225 07 ## ## ## ##', '27 31 ## ## ##', '+225 27 22 ## ## ## poste ###', '05 ## ## ## ## ext. ##'] },
  { locale: 'umb', group: 'africa', country: 'Angola', region: 'AO', postcodeFirst: false,
    male: w('Abel Isaías Adalberto Jeremias Armindo Ernesto Celestino Domingos Alcides Faustino Eugénio Gaspar Avelino Florindo'),
    female: w('Albertina Domingas Rosalina Conceição Esperança Lucinda Emília Deolinda Felismina Laurinda Ermelinda Judite Anabela Cecília'),
    surnames: w('Chivukuvuku Samakuva Sakala Chitunda Kalupeteka Chipenda Chingunji Kassoma Kapingala Lukamba Epalanga Sachipengo Chiwale Katiavala Kandanda Sapalo Kalandula Chiyaka Nunda Chilingutila Sambo Cassinda Ngueve Tchissola Chimbili Kanjila Tchiwale'),
    surname: twoSurnames(0.3),
    streetFormats: ['Bairro {name}, rua {m}, casa n.º {n}', '{type} Agostinho Neto, n.º {n}, {name}', 'Quarteirão {m}, casa {n}, bairro {name}'],
    streets: w('Cacilhas Bomba_Alta São_João Capango Fátima Académico Santo_António Cidade_Baixa Benfica Kalomanda'),
    types: w('Rua Avenida Travessa'),
    units: ['{m}.º andar', 'apartamento {n}', 'casa {m}', 'loja {n}'],
    cities: w('Huambo Benguela Lobito Kuito Caála Bailundo Ganda Cubal Londuimbali Catchiungo'),
    postcodes: ['Caixa Postal ###', 'C.P. ####'],
    phones: ['923 ### ###', '+244 923 ### ###', '241 ## ## ##', '+244 222 ### ### ext. ###'] },
  // asia
  { locale: 'mni_Latn', group: 'asia', country: 'India', region: 'IN', postcodeFirst: false,
    male: w('Biren_Singh Ibobi_Singh Ibomcha_Singh Tomba_Singh Ratan_Singh Premjit_Singh Bijoy_Singh Somorendro_Singh Dhananjoy_Singh Ibungo_Singh Nabakishore_Singh Khelen_Singh Bikramjit_Singh Jiten'),
    female: w('Sarita_Devi Bala_Devi Mirabai_Chanu Sanatombi_Devi Memcha_Devi Bembem_Devi Thoibi_Devi Ibemhal_Devi Sushila_Chanu Linthoi_Chanu Tombi_Devi Premila_Devi Anita_Chanu Ranjita'),
    surnames: w('Laishram Ningthoujam Khumukcham Thokchom Nongthombam Okram Ngangom Saikhom Kshetrimayum Wahengbam Yumnam Haobam Huidrom Maibam Moirangthem Sorokhaibam Leishangthem Oinam Konsam Thounaojam Athokpam Khundrakpam Elangbam Soibam Ningombam Chingakham Pukhrambam'),
    familyFirst: true,
    prefixes: { male: ['Shri', 'Sh.', 'Mr.'], female: ['Smt.', 'Ongbi', 'Ms.'] },
    streetFormats: ['{name} Leikai, House No. {n}', 'H. No. {n}, {name} Mamang Leikai', '{name} Awang Leikai, {type} No. {m}'],
    streets: w('Keishampat Sagolband Uripok Singjamei Thangmeiband Khurai Wangkhei Yaiskul Naoremthong Kwakeithel'),
    types: w('Ward Lane Road'),
    units: ['1st floor', 'Room {n}', 'Flat {m}{n}', 'Block {m}'],
    cities: w('Imphal Thoubal Bishnupur Kakching Moirang Nambol Mayang_Imphal Lilong Wangjing Sekmai'),
    state: 'Manipur',
    postcodes: ['795001', '795004', '795138', '7951##'],
    phones: ['0385 245 ####', '+91 385 245 ####', '98### #####', '+91 385 241 #### ext. ##'] },
  { locale: 'sat_Latn', group: 'asia', country: 'India', region: 'IN', postcodeFirst: false,
    male: w('Shibu Hemant Champai Babulal Sido Kanhu Budhan Salkhan Lakhan Sukra Somai Budhu Jitu Raghunath'),
    female: w('Draupadi Sita Phoolmani Basanti Mugli Sukurmuni Lakhimuni Somwari Budhni Mangri Surubali Salomi Mukta Rupali'),
    surnames: w('Hansda Hansdah Hasdak Murmu Murmoo Kisku Kisko Hembrom Hembram Marandi Marndi Mardi Soren Saren Tudu Tuddu Baskey Baske Besra Besera Pauria Bedia Chore Majhi Manjhi Hansdak'),
    prefixes: { male: ['Shri', 'Sri'], female: ['Smt.', 'Srimati'] },
    streetFormats: ['Vill. {name}, P.O. {type}', 'Qr. No. {n}, {name} Colony', 'House No. {n}, {name} Tola'],
    streets: w('Bhurkunda Jojodih Sonajuri Kolhan Talpahari Dudhani Rasikpur Kurwa Jarmundi Saraiya'),
    types: w('Kathikund Shikaripara Jama Gopikandar Masalia Ranishwar'),
    units: ['Room {n}', 'Qr. No. {n}', 'Block {m}', '1st floor'],
    cities: w('Dumka Jamtara Pakur Sahebganj Ghatshila Jamshedpur Rairangpur Baripada Bolpur Godda'),
    state: 'Jharkhand',
    postcodes: ['814101', '8141##', '831001', '757043'],
    phones: ['06434 22####', '+91 6434 22####', '9### ######', '+91 6434 222### ext. ##'] },
  { locale: 'tcy_Latn', group: 'asia', country: 'India', region: 'IN', postcodeFirst: false,
    male: w('Prakash Sudhir Rajesh Harish Dayanand Vishwanath Santhosh Ravindra Jayarama Sadananda Nagaraj Praveen Yogish Chandrahas'),
    female: w('Shobha Vanitha Jayanthi Sumathi Prema Leelavathi Roopa Kusuma Vinutha Deepika Nayana Sharmila Rekha Bhavya'),
    surnames: w('Shetty Rai Hegde Alva Poojary Bangera Suvarna Salian Kotian Amin Karkera Kunder Bhandary Shettigar Ballal Chowta Puthran Mendon Upadhyaya Tantri Adyanthaya Sanil Kanchan Kotekar Ajila Naika Bhandarkar'),
    streetFormats: ['{n}-{m}/{n}, {name} {type}', 'Door No. {m}-{n}, {name} Cross', '"Sri Durga Nilaya", {name} {type}', 'Plot {n}, {name} Layout'],
    streets: w('Bejai Kadri Kankanady Hampankatta Bendoor Falnir Kodialbail Urwa Attavar Balmatta'),
    types: w('Road Main_Road Cross_Road'),
    units: ['Flat No. {m}0{m}', 'Ground floor', 'Shop No. {n}', 'Block {m}'],
    cities: w('Mangaluru Udupi Puttur Moodbidri Karkala Bantwal Surathkal Kundapura Mulki Ullal'),
    state: 'Karnataka',
    postcodes: ['575001', '5750##', '576101', '5742##'],
    phones: ['0824 24#####', '+91 824 24#####', '9### ### ###', '+91 824 242 #### ext. ###'] },
  { locale: 'sd_Latn', group: 'asia', country: 'Pakistan', region: 'PK', postcodeFirst: false,
    male: w('Ghulam_Mustafa Ali_Nawaz Imdad Nisar Qurban Mumtaz Aijaz Shabbir Zulfiqar Ayaz Altaf Muhammad_Bux Allah_Dino Khuda_Bux'),
    female: w('Shahnaz Nasreen Zubeda Parveen Rukhsana Shazia Naheed Farzana Sassui Marvi Benazir Fahmida Shabana Sughra'),
    surnames: w('Memon Soomro Bhutto Junejo Abro Jatoi Channa Mahar Khoso Lashari Talpur Unar Mangi Chandio Keerio Laghari Magsi Dahri Sahito Solangi Kalhoro Rajpar Jamali Halepoto Panhwar Samo Shaikh'),
    prefixes: { male: ['Mr.', 'Janab'], female: ['Mrs.', 'Mohtarma'] },
    streetFormats: ['House No. {n}, Block {m}, {name}', 'Bungalow {n}, {name} Phase {m}', '{name} {type}, House {n}', 'Plot {n}/{m}, {name}'],
    streets: w('Qasimabad Latifabad Gulshan-e-Hadeed Hirabad Citizen_Colony Gulistan-e-Sajjad Paretabad Wadhu_Wah Naseem_Nagar Hussainabad'),
    types: w('Mohalla Colony Town'),
    units: ['Flat No. {n}', 'Portion {m}', 'Ground floor', 'Upper portion'],
    cities: w('Hyderabad Karachi Larkana Sukkur Nawabshah Mirpurkhas Dadu Thatta Jacobabad Khairpur'),
    postcodes: ['71000', '71###', '77150', '75###'],
    phones: ['022 2######', '+92 22 2######', '03## #######', '+92 22 27##### ext. ###'] },
  { locale: 'shn_Latn', group: 'asia', country: 'Myanmar', region: 'MM', postcodeFirst: false,
    male: w('Sai_Mauk Sai_Kham Sai_Htun Sai_Leng Sai_Hseng Sai_Noom Sai_Lao Sai_Tip Sai_Mong Sai_Aung Sao_Hkun Sai_Sam Sai_Khun Sai_Pan'),
    female: w('Nang_Hseng Nang_Kham Nang_Mo Nang_Ying Nang_Oo Nang_Lao Nang_Hom Nang_Mwe Nang_Seng Nang_Noom Nang_Zing Nang_Lu Nang_Wan Nang_Harn'),
    surnames: w('Kham Leng Hseng Mong Hpa Noom Lao Seng Tun Hkam Hom Lu Wan Yawd Harn Kya Merng Hkio Zing Tip Pang Hsai Sarm Mawk Nyunt Awn'),
    surname: shan,
    prefixes: { male: ['U', 'Sao'], female: ['Daw', 'Sao Nang'] },
    streetFormats: ['No. {n}, {name} Street, Ward {m}', 'No. {n}/{m}, {type} Road, {name} Quarter', 'Building {m}, Room {n}, {name} Road'],
    streets: w('Bogyoke_Aung_San Merit Yadana Thiri Mingalar Nandawun Zay Pyidawtha Hsaikhaw Shwe_Phone_Shein'),
    types: w('Main Circular Market'),
    units: ['Room {n}', 'Floor {m}, Room {n}', 'Apt {m}{n}', 'Unit {n}'],
    cities: w('Taunggyi Lashio Kengtung Hsipaw Kyaukme Muse Tachileik Loilem Nyaungshwe Hopang'),
    postcodes: ['060##', '061##', '063##'],
    phones: ['081 2#####', '+95 81 2#####', '09 ### ### ###', '+95 81 21#### ext. ##'] },
  { locale: 'ryu', group: 'asia', country: 'Japan', region: 'JP', postcodeFirst: true,
    male: w('Shoei Seiryo Chokichi Kenjiro Yasuhiro Seitoku Takeshi Kazuo Shinji Masahide Choshin Seiko Yoshiaki Tatsuya'),
    female: w('Kamado Ushi Nabi Tsuru Kana Haruko Michiko Sachiko Akemi Mayumi Yukino Chiharu Emi Nanako'),
    surnames: w('Higa Kinjo Oshiro Shimabukuro Nakandakari Tamaki Chinen Yonamine Arakaki Miyagi Teruya Kyan Taira Uehara Nakasone Yamashiro Tokashiki Aharen Kohagura Iha Gushiken Sunagawa Tomoyose Ganaha Matayoshi Kakazu Agena'),
    streetFormats: ['{m}-{n}-{n} {name}', '{n}-{m} Aza {name}', '{name} {m}-chome {n}-{m}'],
    streets: w('Makishi Kumoji Asato Izumizaki Tomari Oroku Shuri_Kinjo-cho Aja Kohagura Maejima'),
    types: w('chome'),
    units: ['Room {n}{m}', '#{n}', '{m}F', 'Apt. {m}0{m}'],
    cities: w('Naha Okinawa_City Urasoe Ginowan Nago Itoman Tomigusuku Uruma Miyakojima Ishigaki'),
    state: 'Okinawa',
    postcodes: ['900-00##', '901-21##', '904-0###', '〒902-00##'],
    phones: ['098-8##-####', '+81 98-8##-####', '090-####-####', '+81 98-861-#### ext. ###'] },
  // pacific
  { locale: 'tvl', group: 'pacific', country: 'Tuvalu', region: 'TV', postcodeFirst: false,
    male: w('Enele Kausea Feleti Iakoba Apisai Tomasi Bikenibeu Toaripi Kamuta Maatia Otinielu Monise Samuelu Taukelina'),
    female: w('Pepetua Katalina Tuese Luisa Mele Salote Lagitupu Losaline Sina Tauasa Niuone Talitiana Feue Seini'),
    surnames: w('Sopoaga Natano Kofe Teo Italeli Ielemia Puapua Telito Paeniu Lauti Latasi Tinilau Toafa Tefuka Seluka Laafai Tausi Pita Tealei Vaguna Homasi Lotoala Nivaga Malua Fusi Kitiseni'),
    streetFormats: ['Fale {n}, {name} village', 'Lot {n}, {name}, near the {type}', 'P.O. Box {n}, {name}'],
    streets: w('Vaiaku Fakaifou Senala Alapi Teone Lofeagai Tekavatoetoe Amatuku Fongafale Tengako'),
    types: w('maneapa church airstrip'),
    units: ['Room {n}', 'Unit {m}', 'Flat {m}', 'Office {n}'],
    cities: w('Funafuti Nanumea Nanumaga Niutao Nui Vaitupu Nukufetau Nukulaelae Niulakita Fongafale'),
    postcodes: ['P.O. Box ##', 'P.O. Box ###'],
    phones: ['20###', '+688 20###', '70#####', '+688 20### ext. ##'] },
  { locale: 'chk', group: 'pacific', country: 'Federated States of Micronesia', region: 'FM', postcodeFirst: false,
    male: w('Johnson Kasio Redley Kiko Emanuel Sabino Wesley Marcus Ikio Tony Asher Mark Sinton Alik'),
    female: w('Innocenta Kiki Rosie Aileen Merlyn Kaselina Maria Sweety Tiny Lucy Elina Marlene Sapina Kristina'),
    surnames: w('Mori Otto Killion Aisek Amaraich Kolios Siales Sos Nakamura Hartman Sapuro Walter Bisalen Rayphand Moses Bossin Mateas Enlet Kinnim Ikea Soram Naich Billimon Tiwe Ruben Narruhn Esirom'),
    streetFormats: ['{name} village, house {n}', 'P.O. Box {n}, {name}', 'Lot {n}, {name}, near the {type}'],
    streets: w('Iras Mechitiw Nepukos Mwan Penia Sapuk Peniesene Tunnuk Neiwe Wichap'),
    types: w('church school store'),
    units: ['Room {n}', 'Apt {m}', 'Unit {m}', 'Office {n}'],
    cities: w('Weno Tonoas Fefen Uman Tol Udot Satawan Lukunor Polowat Fananu'),
    state: 'FM',
    postcodes: ['96942', '96942-####'],
    phones: ['330-####', '+691 330-####', '93#-####', '+691 330-#### ext. ##'] },
  { locale: 'rap', group: 'pacific', country: 'Chile', region: 'CL', postcodeFirst: false,
    male: w('Petero Alberto Pedro Rafael Uri Manu Hotu Tito Tomás Rodrigo Renato Tuu Tane Moana'),
    female: w('Tiare Mahina Uka Vaitea Hina Ana_María Marta Lucía Viviana Rosa Mahani Vaitiare Carolina Mata'),
    surnames: w('Pakarati Tuki Hotus Atán Paoa Teao Haoa Hey Ika Pate Rapu Riroroko Tepano Teave Tekena Araki Hito Nahoe Pakomio Rapahango Manutomatoma Edmunds Pont Atamu Tepihe Huke Roe Fati'),
    surname: twoSurnames(0.85),
    streetFormats: ['{type} {name} s/n', '{type} {name} {n}', 'Sector {name}, parcela {n}'],
    streets: w("Atamu_Tekena Policarpo_Toro Te_Pito_o_te_Henua Hotu_Matu'a Tu'u_Koihu Apina Avareipua Hetereki Simón_Paoa Kaituoe"),
    types: w('Avenida Calle Pasaje'),
    units: ['depto. {n}', 'cabaña {m}', 'oficina {n}', 'casa {m}'],
    cities: w('Hanga_Roa Isla_de_Pascua Mataveri Tahai Vaihu Hanga_Piko Moeroa Rano_Kau Vaitea Anakena'),
    postcodes: ['2770000', '27700##'],
    phones: ['32 210 ####', '+56 32 210 ####', '9 #### ####', '+56 32 255 #### anexo ###', '+56 9 #### #### ext. ##'] },
  // europe (north caucasus)
  { locale: 'kbd_Latn', group: 'europe', country: 'Russia', region: 'RU', postcodeFirst: true,
    male: w('Aslan Anzor Zaur Timur Murat Arsen Kazbek Mukhamed Khasan Beslan Ruslan Aslanbek Khachim Tembot'),
    female: w('Madina Zalina Fatima Zarema Milana Dana Lyana Zhannet Marina Satanei Asiyat Bella Laura Aminat'),
    surnames: w('Kokov Kanokov Shogenov Tlupov Berov Khatukhov Kuashev Nagoev Afaunov Kardanov Tokov Kumakhov Shomakhov Tkhagapsoev Khakunov Kazharov Malbakhov Shebzukhov Dyshekov Kodzokov Anzorov Atalikov Teuvazhev Tembotov Khuranov Bzhikhatlov Gubzhokov'),
    feminine: ovFeminine,
    streetFormats: ['ul. {name}, d. {n}', 'pr. {name}, d. {n}, korp. {m}', '{type} {name}, {n}'],
    streets: w('Kabardinskaya Lenina Shogentsukova Tolstogo Kirova Pushkina Nogmova Balkarskaya Kuliyeva Tarchokova'),
    types: w('ul. pr. per.'),
    units: ['kv. {n}', 'of. {n}', 'pod. {m}, kv. {n}', 'etazh {m}'],
    cities: w('Nalchik Baksan Prokhladny Nartkala Chegem Tyrnyauz Terek Maysky Zalukokoazhe Kashkhatau'),
    postcodes: ['360000', '3600##', '361###'],
    phones: ['8 (8662) ##-##-##', '+7 8662 ##-##-##', '8 928 ###-##-##', '+7 (8662) ##-##-## dob. ###', '+7 928 ### ## ## ext. ##'] },
]; // prettier-ignore

export const LOCALE_GROUPS_V8: Record<string, string[]> = {};
for (const s of LOCALE_SPECS_V8) (LOCALE_GROUPS_V8[s.group] ??= []).push(s.locale);
export const V8_LOCALES: string[] = LOCALE_SPECS_V8.map((s) => s.locale);
const BY_LOCALE = new Map(LOCALE_SPECS_V8.map((s) => [s.locale, s]));

export function isV8Locale(locale: string): boolean {
  return BY_LOCALE.has(locale);
}

export function groupOfV8(locale: string): string {
  const s = BY_LOCALE.get(locale);
  if (!s) throw new Error(`not a v8 locale: ${locale}`);
  return s.group;
}

/** The locale source of a v8 locale, seeded per sample (faker's English locale supplies the randomness). */
export function v8Source(locale: string, seed: number): LocaleSource {
  const s = BY_LOCALE.get(locale);
  if (!s) throw new Error(`not a v8 locale: ${locale}`);
  return specSource(s, seed);
}
