/**
 * Locales of the seventh held-out split (v7), written for this project before any tuning on it: languages
 * no v1–v6 locale covers, with their own naming customs (K'iche' and Garifuna two surnames, Iñupiaq and
 * Mohawk surnames that are English words or hyphenated (Deer, Horn, Two-Axe), Mooré and Fon family names
 * with day and birth-order given names, Ewondo "Ngono"/"Mbarga" names, Luo O-/A- names by time of birth,
 * Dinka father's names in the surname slot, Odia and Assamese caste surnames, Khasi given names that are
 * everyday English words (Kindness, Hamlet, Bless, Forward) with clan surnames, Balinese birth-order names
 * (Wayan, Made, Nyoman, Ketut) after the I/Ni particle, Kachin birth-order syllable names (Ma La, Naw, Tu,
 * Kaw) with clan names first, Palauan and Ni-Vanuatu surnames, Assyrian father's names, Baloch tribal
 * surnames, Judeo-Spanish given names that are words (Mazal, Sol, Estrea) and Gagauz -oglo surnames),
 * address forms (Guatemala "zona", La Ceiba barrios, Utqiaġvik lots, Kahnawake "Old Malone Hwy", Ouaga
 * "secteur" lots, Cotonou "carré", Yaoundé quartiers, Kisumu estates, Juba blocks, Bhubaneswar plot and
 * lane, Guwahati "bylane", Shillong localities, Bali "banjar" and "Gang", Myitkyina quarters, Koror
 * hamlets, Port Vila PO boxes, Ankawa "mahalla", Quetta "Jinnah Road", Istanbul "Sk. No: D:", Comrat
 * "str.") and the country's postcode form, or its PO box where the country has none (Burkina Faso, Benin,
 * Cameroon, South Sudan, Vanuatu). Names are romanized as English-language business text writes them.
 * Held out until the v7 report, development data since: `generate('heldout-v7')`, `generateFrom` (training,
 * cross-validation, threshold sweeps) and compose.ts reach them; locales.ts does not.
 */
import * as F from '@faker-js/faker';
import type { LocaleSource } from './locales';
import { specSource, type LocaleSpecV3 } from './custom-locales-v3';

type Pick = <T>(xs: readonly T[]) => T;
const w = (s: string) => s.split(/\s+/).filter(Boolean).map((x) => x.replace(/_/g, ' '));

/** Same fields as the v3 specs (see LocaleSpecV3). */
export type LocaleSpecV7 = LocaleSpecV3;

const twoSurnames = (share: number) => (pick: Pick, _female: boolean, s: LocaleSpecV7) =>
  F.fakerEN.datatype.boolean(share) ? `${pick(s.surnames)} ${pick(s.surnames)}` : pick(s.surnames);
/**
 * Balinese names carry no family name: the I/Ni particle and a birth-order name (or a caste title) come
 * first, in the family-name slot, and the personal name follows.
 */
const BALI_ORDER = w('Wayan Putu Gede Made Kadek Nengah Nyoman Komang Ketut');
const balinese = (pick: Pick, female: boolean) =>
  F.fakerEN.datatype.boolean(0.15)
    ? pick(female ? ['Anak Agung Ayu', 'Gusti Ayu', 'Dayu'] : ['Ida Bagus', 'Anak Agung', 'Gusti Ngurah'])
    : `${female ? 'Ni' : 'I'} ${pick(BALI_ORDER)}`;
/** Gagauz feminine surnames: "Kurkchi" stays, Russian-style "-ov/-in" surnames take "-a". */
const ovFeminine = (s: string) => (/(ov|ev|in)$/.test(s) ? `${s}a` : s);

export const LOCALE_SPECS_V7: LocaleSpecV7[] = [
  // americas (with the Caribbean coast)
  { locale: 'quc', group: 'americas', country: 'Guatemala', region: 'GT', postcodeFirst: false,
    male: w('Tomás Diego Baltazar Sebastián Candelario Lucas Cristóbal Eulalio Domingo Pascual Nicolás Matías Benito Ixbalam'),
    female: w('Rigoberta Manuela Juana Petrona Sebastiana Tomasa Catarina Ixmucané Micaela Lucía Francisca Ixchel Dominga'),
    surnames: w('Tzoc Ixcoy Tzunún Cuxil Ajanel Xiloj Sicajá Chuc Tum Menchú Quiacaín Ixtabalán Coyoy Tojín Xicará Batz Ajpop Chojolán Tax Puac Sapón Yax Cux Tecún Lux Sac Chiquitó'),
    surname: twoSurnames(0.8),
    streetFormats: ['{n}a. {type} {n}-{m}, zona {m}', '{n}a. {type} {n}-{m}, {name}', 'Cantón {name}, casa {n}'],
    streets: w('Xecaracoj Chuicavioc Pachaj Xelajú Chichicastenango Paxtocá Quiejel Chotacaj Xolbé Santa_Rita'),
    types: w('Calle Avenida'),
    units: ['apto. {n}', 'local {m}', 'nivel {m}, oficina {n}'],
    cities: w('Quetzaltenango Totonicapán Santa_Cruz_del_Quiché Chichicastenango Momostenango Cantel Zunil Nahualá Salcajá San_Cristóbal'),
    postcodes: ['09001', '08001', '14###', '09###'],
    phones: ['7765 ####', '+502 7761 ####', '5### ####', '+502 7763 #### ext. ###'] },
  { locale: 'cab', group: 'americas', country: 'Honduras', region: 'HN', postcodeFirst: false,
    male: w('Wiston Elvis Kenny Norman Dionisio Ruben Aurelio Santos Lidio Alfonso Calixto Jairo Melvin Teodoro'),
    female: w('Aurelia Miriam Dilcia Zoila Mirna Cleotilde Sonia Venancia Keila Nidia Eusebia Yadira Lesbia'),
    surnames: w('Castillo Álvarez Bernárdez Martínez_Sambulá Suazo Guity Arzú Ávila Nolasco Lacayo Cacho Sambulá Norales Palacios Martínez Colón Flores Velásquez Zúniga Lambert Bonilla Centeno Mejía Guerrero Ramos Torres Valerio'),
    surname: twoSurnames(0.6),
    streetFormats: ['Barrio {name}, {type} {n}', '{name}, casa {n}, frente a la iglesia', 'Col. {name}, bloque {m}, casa {n}'],
    streets: w('Cristales Río_Negro Corozal Sambo_Creek La_Ceibita Bajamar Sarawaina Triunfo_de_la_Cruz San_Juan Guadalupe'),
    types: w('calle avenida'),
    units: ['apto. {n}', 'cuarto {n}', 'local {m}'],
    cities: w('La_Ceiba Trujillo Tela Puerto_Cortés Santa_Fe Limón Iriona Sangrelaya Punta_Gorda Dangriga'),
    postcodes: ['31101', '32101', '31###', '21###'],
    phones: ['9### ####', '+504 2443 ####', '2443-####', '+504 2434 #### ext. ##'] },
  { locale: 'ik', group: 'americas', country: 'Alaska', region: 'US', postcodeFirst: false,
    male: w('Eben Price Jacob Vernon Roy Harry Pete Enoch Nelson Burton Edward Taqulik Qaiyaan Amos'),
    female: w('Doreen Mae Rosemary Martha Flossie Lucy Iñuuraq Naluuraq Ruth Tillie Faye Edna Doris'),
    surnames: w('Ahmaogak Itta Okakok Brower Hopson Kaleak Leavitt Aiken Edwardsen Nageak Kanayurak Tagarook Ahsoak Rexford Kaveolook Akootchook Oenga Ipalook Kagak Neakok Tukle Adams Aveoganna Patkotak Nusunginya Segevan Koonook-Tuzroyluk'),
    streetFormats: ['{n} {name} {type}', 'Lot {n}, {name} {type}', 'P.O. Box {n}, {name} {type}'],
    streets: w('Stevenson Agvik Momegana Kiogak Ahkovak Okpik Pisokak Takpuk Nachik Egasak'),
    types: w('St Ave Rd'),
    units: ['Apt {n}', 'Unit {m}', 'Trailer {n}'],
    cities: w('Utqiaġvik Barrow Wainwright Point_Hope Kaktovik Nuiqsut Atqasuk Anaktuvuk_Pass Point_Lay Kotzebue'),
    state: 'AK',
    postcodes: ['99723', '99782', '99766', '99747', '99789'],
    phones: ['(907) 852-####', '+1 907 852-####', '907-###-####', '(907) 852-#### x###'] },
  { locale: 'moh', group: 'americas', country: 'Kahnawà:ke', region: 'CA', postcodeFirst: false,
    male: w('Kahentinetha Tekarontake Kanentokon Ronald Billy Kenneth Rotiskarewake Joe Kahsennenhawe Curtis Tommy Glen Arnold Brennan'),
    female: w('Konwenni Kahnawiio Kanerahtiio Karonhiio Tewateronhiakhwa Ida Wendy Marie Kaia Lois Shirley Winona Melissa'),
    surnames: w('Deer Horn Jacobs Diabo McComber Montour Stacey Two-Axe Kirby Beauvais Delisle Rice Goodleaf Phillips Norton Zacharie Leborgne Lazare Jocks Cross Snow Alfred Two-Rivers Splicer Patton Dailleboust Sky'),
    streetFormats: ['{n} {name} {type}', '{n} {name} {type}, Box {m}', 'Lot {n}, {name} {type}'],
    streets: w('Old_Malone Old_Chateauguay Church River Kateri Tekakwitha Highway_138 Stevens Golf Kahnawake_Service'),
    types: w('Rd Street Hwy Lane'),
    units: ['Unit {n}', 'Apt {m}', 'Suite {n}'],
    cities: w('Kahnawake Akwesasne Kanesatake Châteauguay Sainte-Catherine Mercier Kanehsatà:ke Cornwall_Island Snye Hogansburg'),
    state: 'QC',
    postcodes: ['J0L 1B0', 'J0L 1B#', 'K6H 5R#', '13655'],
    phones: ['(450) 632-####', '+1 450 632-####', '450-635-####', '(450) 632-#### ext. ###'] },
  // africa (west, central, east)
  { locale: 'mos', group: 'africa', country: 'Burkina Faso', region: 'BF', postcodeFirst: false,
    male: w('Boukary Salif Issouf Noaga Tinga Moumouni Rasmané Inoussa Karim Hamidou Yacouba Wendpouiré Nongma Pousga'),
    female: w('Awa Mariam Salamata Rasmata Wendyam Pogbi Rakiéta Zénabo Bibata Poko Habibou Nafissatou Alizèta'),
    surnames: w('Ouédraogo Sawadogo Compaoré Kaboré Zongo Kiendrébéogo Ilboudo Nikiéma Tapsoba Zoungrana Kafando Ouéedraogo Bamogo Yaméogo Zida Kaboré-Ouédraogo Ouattara Tiendrébéogo Sanou Nacoulma Kinda Sana Belem Guiro Kouda Zoéyandé Kambou'),
    streetFormats: ['Secteur {m}, lot {n}, parcelle {n}', '{type} {name}, porte {n}', 'Quartier {name}, rue {m}.{n}'],
    streets: w('Dapoya Gounghin Wemtenga Tampouy Pissy Dassasgho Tanghin Cissin Patte_d\'Oie Kalgondin'),
    types: w('avenue rue boulevard'),
    units: ['bureau {n}', '{m}e étage', 'villa {n}'],
    cities: w('Ouagadougou Koudougou Ouahigouya Kaya Tenkodogo Ziniaré Kombissiri Yako Manga Réo'),
    postcodes: ['01 BP ####', '06 BP ###', '11 BP ####'],
    phones: ['70 ## ## ##', '+226 70 ## ## ##', '25 ## ## ##', '+226 25 30 ## ## poste ##', '76 ## ## ## ext. ###'] },
  { locale: 'fon', group: 'africa', country: 'Bénin', region: 'BJ', postcodeFirst: false,
    male: w('Codjo Sêwanou Houénou Mahougnon Gbênou Sourou Dossou Kpossi Hounkanrin Sènan Ahouandjinou Gildas Romaric Comlan'),
    female: w('Sènami Houéfa Ablawa Zinsou Mahoussi Dossi Sossi Afiavi Fifamè Nadège Gbèdossi Sèna Hounsa'),
    surnames: w('Houngbédji Agossou Dossou Hounkpatin Ahouansou Kiki Soglo Gbaguidi Hounsou Tossou Adjovi Zinsou Akplogan Dossou-Yovo Houessou Kpadonou Agbangla Sossa Ahanhanzo Glèlè Aïvodji Hounmènou Djossou Amoussou Sodjinou Quenum'),
    streetFormats: ['Carré {n}, maison {name}', 'Lot {n}, {type} {name}', 'Quartier {name}, von {m}, carré {n}'],
    streets: w('Cadjèhoun Fidjrossè Akpakpa Gbégamey Zongo Haie_Vive Agla Vèdoko Sikècodji Ganhi'),
    types: w('rue avenue boulevard'),
    units: ['appt {n}', 'Immeuble Kiki, {m}e étage', 'bureau {n}'],
    cities: w('Cotonou Abomey-Calavi Porto-Novo Ouidah Abomey Bohicon Allada Lokossa Comè Dassa-Zoumè'),
    postcodes: ['01 BP ####', '03 BP ###', 'BP ####'],
    phones: ['97 ## ## ##', '+229 97 ## ## ##', '21 ## ## ##', '+229 21 30 ## ## poste ##', '96 ## ## ## ext. ##'] },
  { locale: 'ewo', group: 'africa', country: 'Cameroun', region: 'CM', postcodeFirst: false,
    male: w('Atangana Mbarga Ondoua Essomba Owona Manga Mvondo Amougou Onana Eloundou Ekani Zambo Nkodo Fouda'),
    female: w('Ngono Abena Mbala Ngo_Mballa Mengue Ateba Bilo\'o Edzimbi Mbolo Nkoa Ayissi Ndzie Ekobena'),
    surnames: w('Atangana Mbarga Ondoua Essomba Owona Manga Mvondo Amougou Onana Eloundou Ekani Zambo Nkodo Fouda Ngono Abena Mengue Ateba Ayissi Nkoa Bella Etoundi Ebogo Mballa Mebenga Ndongo Tsala Essono'),
    streetFormats: ['Quartier {name}, {type} {n}', 'Lieu-dit {name}, porte {n}', '{type} {n}.{m}, {name}'],
    streets: w('Bastos Mvog-Ada Mvog-Mbi Nlongkak Etoudi Essos Biyem-Assi Mendong Nsimeyong Omnisport'),
    types: w('rue avenue'),
    units: ['appt {n}', 'Immeuble Atangana, {m}e étage', 'bureau {n}'],
    cities: w('Yaoundé Mbalmayo Obala Mfou Soa Nkolbisson Akonolinga Sangmélima Ebolowa Okola'),
    postcodes: ['BP ####', 'B.P. ###', 'BP ##### Yaoundé'],
    phones: ['6 7# ## ## ##', '+237 6 9# ## ## ##', '2 22 ## ## ##', '+237 2 22 ## ## ## poste ##', '6 5# ## ## ## ext. ###'] },
  { locale: 'luo', group: 'africa', country: 'Kenya', region: 'KE', postcodeFirst: false,
    male: w('Otieno Odhiambo Ochieng Onyango Omondi Okoth Ouma Oduor Owino Opiyo Okello Juma Oluoch Obura'),
    female: w('Achieng Akinyi Atieno Adhiambo Anyango Awino Auma Apiyo Akoth Aoko Nyambura Grace Beatrice Millicent'),
    surnames: w('Otieno Odhiambo Ochieng Onyango Omondi Okoth Ouma Oduor Owino Opiyo Okello Oluoch Obura Odinga Oginga Ayoo Nyong\'o Orengo Olouch Ojwang Obama Omolo Agola Wandiga Odera Nyamwaya Ogot'),
    streetFormats: ['{name} Estate, house {n}', 'Plot {n}, {name} {type}', 'P.O. Box {n}-{m}, {name}'],
    streets: w('Milimani Nyalenda Kondele Manyatta Mamboleo Migosi Lolwe Tom_Mboya Oginga_Odinga Kibos'),
    types: w('Road Street Lane'),
    units: ['Flat {n}', 'Apt {m}{n}', 'Room {n}, Mega Plaza'],
    cities: w('Kisumu Homa_Bay Siaya Bondo Migori Kendu_Bay Ahero Rongo Ugunja Mbita'),
    postcodes: ['40100', '40300', '40600', '40###'],
    phones: ['07## ######', '+254 7## ######', '057 20#####', '+254 57 20#### ext. ###'] },
  { locale: 'din', group: 'africa', country: 'South Sudan', region: 'SS', postcodeFirst: false,
    male: w('Deng Garang Majok Akol Malual Ayuel Kuol Makuei Chol Mabior Bol Manyang Mayen Thon'),
    female: w('Ayen Nyandeng Achol Abuk Adut Aluel Nyankiir Ajak Akuol Athieng Yar Nyibol Awut'),
    surnames: w('Deng Garang Majok Akol Malual Ayuel Kuol Makuei Chol Mabior Bol Manyang Mayen Thon Lual Ajak Kiir Mayardit Atem Kuanyin Dut Ring Madut Wol Aguer Kur Nhial'),
    streetFormats: ['Block {m}, plot {n}, {name}', 'House {n}, {name}, near {type}', 'P.O. Box {n}, {name}'],
    streets: w('Hai_Malakal Hai_Cinema Munuki Gudele Thongpiny Jebel Tongping Hai_Amarat Lologo Nyakuron'),
    types: w('Custom_Market Konyo_Konyo_Market Jebel_Church'),
    units: ['room {n}', 'Flat {n}, Ministries Complex', 'Office {m}'],
    cities: w('Juba Bor Wau Rumbek Aweil Yei Torit Kuajok Yirol Malakal'),
    postcodes: ['P.O. Box ###', 'PO Box ##'],
    phones: ['092 ### ####', '+211 92 ### ####', '091 ### ####', '+211 912 ### ### ext. ##'] },
  // south_asia
  { locale: 'or_Latn', group: 'south_asia', country: 'Odisha', region: 'IN', postcodeFirst: false,
    male: w('Bijay Pradyumna Soumya Debasish Jagannath Biswajit Niranjan Sarat Ashok Manas Prasanta Subrat Himanshu Ananta'),
    female: w('Sasmita Subhashree Itishree Madhusmita Pragyan Lipsa Jyotirmayee Sunita Rashmi Bandana Swagatika Manaswini Puspa'),
    surnames: w('Mohapatra Patnaik Sahoo Behera Jena Pradhan Nayak Mohanty Dash Swain Panda Rout Sethi Biswal Samal Mallick Parida Das Tripathy Satpathy Senapati Mishra-Dash Barik Khuntia Lenka Acharya Pattanayak'),
    streetFormats: ['Plot No. {n}, {name}', 'Plot {n}/{m}, Lane {m}, {name}', 'HIG-{n}, {name}'],
    streets: w('Saheed_Nagar Nayapalli Jaydev_Vihar Patia Chandrasekharpur Kharavela_Nagar Unit-4 Bapuji_Nagar Old_Town Satya_Nagar'),
    types: w('Road Lane Marg'),
    units: ['Flat {n}', 'Flat {m}0{n}, Block B', 'ground floor'],
    cities: w('Bhubaneswar Cuttack Puri Berhampur Sambalpur Balasore Rourkela Jajpur Baripada Angul'),
    postcodes: ['751 0##', '7510##', '753###', '752001'],
    phones: ['0674 2######', '+91 674 2######', '9### ######', '+91 674 25##### ext. ###'] },
  { locale: 'as_Latn', group: 'south_asia', country: 'Assam', region: 'IN', postcodeFirst: false,
    male: w('Pranjal Bhaskar Dhrubajyoti Hiranya Nayan Jintu Bitupan Monoj Rupam Mridul Utpal Kishor Zubeen Ranjit'),
    female: w('Jonali Bornali Pallavi Anamika Moromi Nilakshi Dipali Gitanjali Rupjyoti Kakoli Barnali Trishna Mousumi'),
    surnames: w('Bora Gogoi Baruah Saikia Hazarika Phukan Kalita Deka Borthakur Medhi Bhuyan Sarma Goswami Konwar Dutta Choudhury Rajkhowa Borah Mahanta Neog Buragohain Talukdar Bordoloi Das-Baruah Hatibaruah Barpujari Kakoti'),
    streetFormats: ['House No. {n}, {name}', 'Bylane {m}, House {n}, {name}', 'Flat {n}, {name}, {type}'],
    streets: w('Zoo_Narengi_Road Rukminigaon Chandmari Beltola Ulubari Ganeshguri Six_Mile Lachit_Nagar Hatigaon Bhangagarh'),
    types: w('Road Path Lane'),
    units: ['Flat {n}', '2nd floor', 'Block {m}, Flat {n}'],
    cities: w('Guwahati Jorhat Dibrugarh Sivasagar Tezpur Nagaon Golaghat Tinsukia North_Lakhimpur Bongaigaon'),
    postcodes: ['781 0##', '7810##', '785###', '786001'],
    phones: ['0361 2######', '+91 361 2######', '9### ######', '+91 361 23##### ext. ##'] },
  { locale: 'kha', group: 'south_asia', country: 'Meghalaya', region: 'IN', postcodeFirst: false,
    male: w('Kindness Hamlet Bless Forward Teiborlang Bankerlang Donbok Wanphrang Kyrshan Ricky Ferdinand Sweetymon Highlander Phrangsngi'),
    female: w('Ibalari Iaishah Daphisha Wanda Careen Merrilin Banshanlang Ibadahun Kynsai Faithful Lovely Evangeline Rishalin'),
    surnames: w('Lyngdoh Syiemlieh Kharkongor Marbaniang Nongrum Rymbai Warjri Pyngrope Dkhar Mawlong Nongkynrih Khongwir Kharbuli Lyngdoh_Nonglait Syiem Kharshiing Nongbri Mylliemngap Wahlang Thabah Kharmawphlang Sohtun Khongsit Kharsyntiew Passah Dhar Lamare'),
    streetFormats: ['{name}, house no. {n}', 'Lower {name}, near {type}, house {n}', 'Upper {name}, {n}'],
    streets: w('Laitumkhrah Mawprem Nongthymmai Malki Jaiaw Mawlai Rynjah Lumparing Umpling Nongrim_Hills'),
    types: w('Dhankheti_Point Police_Bazar Motphran'),
    units: ['ground floor', '1st floor, flat {n}', 'room {n}'],
    cities: w('Shillong Jowai Nongpoh Cherrapunji Sohra Mawsynram Nongstoin Mairang Mawkyrwat Nongthymmai'),
    postcodes: ['793 0##', '7930##', '794###'],
    phones: ['0364 2######', '+91 364 2######', '8### ######', '+91 364 22##### ext. ###'] },
  // southeast_asia
  { locale: 'ban', group: 'southeast_asia', country: 'Bali', region: 'ID', postcodeFirst: false,
    male: w('Sudirta Suarjana Darmawan Arya Budiarta Sukerta Putra Wirawan Mahendra Suardana Adnyana Agus Dharma Kariasa'),
    female: w('Ayu Sri Kartini Sariasih Suryani Purnami Wulandari Astiti Dewi Rai Sukerni Widiantari Arsini'),
    surnames: w('Sudirta Suarjana Darmawan Arya Budiarta Sukerta Putra Wirawan Mahendra Suardana Adnyana Ayu Sri Kartini Suryani Astiti Dewi Sukerni Widiantari Arsini Pastika Suwandi Mertha Koster Wiratama Sudarsana'),
    familyFirst: true,
    surname: balinese,
    streetFormats: ['{type} {name} No. {n}', '{type} {name} Gang {m} No. {n}', 'Banjar {area}, {type} {name} {n}'],
    streets: w('Hayam_Wuruk Teuku_Umar Gatot_Subroto Raya_Ubud Monkey_Forest Danau_Tamblingan Bypass_Ngurah_Rai Sunset_Road Kecubung Nusa_Indah'),
    types: w('Jl. Jalan Gg.'),
    areas: w('Kaja Kelod Tegal Peliatan Sayan Bualu Tegallalang Kedewatan Pengosekan Sanur_Kauh'),
    units: ['Kamar {n}', 'Villa {n}', 'Ruko {m}, No. {n}'],
    cities: w('Denpasar Ubud Gianyar Singaraja Tabanan Klungkung Amlapura Negara Kuta Bangli'),
    postcodes: ['80###', '80571', '81###', '82###'],
    phones: ['(0361) ######', '+62 361 ######', '08## #### ####', '+62 361 97#### ext. ###'] },
  { locale: 'kac', group: 'southeast_asia', country: 'Kachin State', region: 'MM', postcodeFirst: false,
    male: w('La Naw Tu Gam Yaw Zau Tang Brang Seng Bawm Hkun Lum Nang Di'),
    female: w('Ja_Seng Hkawn Lu Roi Bawk Kaw Ja_Nu Lu_Ra Hpau Seng_Mai Ja_Bu Nang_Pu Ja_Tawng'),
    surnames: w('Lahtaw Maran Lahpai Nhkum Marip Sumlut Hpauyu Labang Nhkum Hkanhpa Sadan Lashi Maru Zahkung Jangma Dashi Bawng Sumdu Ting_Nan Wa Chyahkyi Nbyen Ningshawng Zau_Ring Lasang Ladai Hting_Nan'),
    familyFirst: true,
    prefixes: { male: ['Duwa', 'Salang', 'Ma'], female: ['Ma', 'Nang', 'Dr.'] },
    streetFormats: ['No. {n}, {name} {type}, {area} quarter', '{area} ward, {name} {type} {n}', 'Block {m}, house {n}, {area}'],
    streets: w('Zaiwa Shatapru Du_Kahtawng Myothit Aung_Nan Tha_Kin_Phay Kha_Ya Nawng_Nang Ja_Ja Sit_Kha'),
    types: w('Road Lane'),
    areas: w('Shatapru Du_Kahtawng Myothit Tatkone Ayeyar Aung_Nan Sitapu Mali_Yang Nawng_Nang Hpai_Ba'),
    units: ['room {n}', 'upper floor', 'flat {n}'],
    cities: w('Myitkyina Bhamo Waingmaw Putao Mogaung Hpakant Laiza Mansi Chipwi Tanai'),
    postcodes: ['01011', '010##', '011##'],
    phones: ['074 2#####', '+95 74 2#####', '09 4## ### ###', '+95 74 22#### ext. ##'] },
  // pacific
  { locale: 'pau', group: 'pacific', country: 'Belau', region: 'PW', postcodeFirst: false,
    male: w('Tommy Surangel Johnson Kuniwo Haruo Santos Ngiraikelau Elias Kione Sabino Kaleb Obichang Baules Yoichi'),
    female: w('Debbie Sandra Ilebrang Bilung Gloria Rebluud Dilmei Yukiko Sherilynn Ngirngemelas Julita Hilda Ebil'),
    surnames: w('Remengesau Toribiong Nakamura Ngirmang Ngiraked Kuartei Tellei Ngirchechol Whipps Tmetuchl Salii Oiterong Rengiil Ngiratkel Sadang Ngiraingas Olkeriil Demei Mesebeluu Kesolei Ngirturong Blailes Ulengchong Tkel-Sbal Rechebei Idechong Ngotel'),
    streetFormats: ['{name} hamlet, house {n}', 'Lot {n}, {name}, {type}', 'P.O. Box {n}, {name}'],
    streets: w('Ngermid Ikelau Meketii Madalaii Idid Dngeronger Ngerkebesang Ngerbeched Iyebukel Echang'),
    types: w('Koror Melekeok Airai'),
    units: ['Apt {n}', 'Unit {m}', 'Room {n}, WCTC Building'],
    cities: w('Koror Melekeok Airai Ngerulmud Ngaraard Ngiwal Peleliu Angaur Kayangel Ngchesar'),
    state: 'PW',
    postcodes: ['96940', '96939'],
    phones: ['488-####', '+680 488-####', '775-####', '+680 488-#### ext. ###'] },
  { locale: 'bi', group: 'pacific', country: 'Vanuatu', region: 'VU', postcodeFirst: false,
    male: w('Ralph Joe Moana Edward Bob Kalo Willie Jimmy Sato Charlot Tari Iatika Kalpokas Serge'),
    female: w('Grace Hilda Leimara Motarilavoa Jenny Merilyn Leiwia Anne Eta Dorosday Lina Noelline Nadia'),
    surnames: w('Natapei Lini Kalsakau Tabimasmas Salwai Regenvanu Sope Molisa Kilman Vohor Carcasses Napuat Kalpokas Tari Iauko Bule Tosul Natuman Lop Simelum Tabi Abbil Boe Naupa Kalfau Wells Toara'),
    streetFormats: ['{name} area, {type}, near {n}', 'Lot {n}, {name}', 'P.O. Box {n}, {name}'],
    streets: w('Freswota Tebakor Anamburu Nambatu Seaside_Tongoa Ohlen Tagabe Bladiniere Nambatri Manples'),
    types: w('Rue_Carnot Kumul_Highway Lini_Highway'),
    units: ['Flat {n}', 'Room {n}, Vaiana Building', 'Unit {m}'],
    cities: w('Port_Vila Luganville Lenakel Isangel Norsup Lakatoro Saratamata Sola Longana Mele'),
    postcodes: ['P.O. Box ###', 'PO Box ####', 'Private Mail Bag ####'],
    phones: ['22 ###', '+678 22 ###', '7## ####', '+678 555 #### ext. ##'] },
  // middle_east (romanized)
  { locale: 'aii', group: 'middle_east', country: 'Iraq (Nineveh Plains, Dohuk)', region: 'IQ', postcodeFirst: false,
    male: w('Ashur Ninos Sargon Shimun Odisho Yonan Khoshaba Benyamin Nimrod Atour Gewargis Yousip Emmanuel Rabi'),
    female: w('Shamiram Ninva Atra Nahrain Layla Rabeca Sonia Maryam Shamiram Nineveh Ramina Juliet Hadiya Warda'),
    surnames: w('Shimun Odisho Youkhana Benyamin Khoshaba Warda Yako Yalda Eshoo Sarkis Yonan Gewargis Shlimon Khamis Audishu Binyamin Daniel Ishaya Oshana Lazar Kanna Younan Yacoub-Odisho Sawa Mansour Toma Hermiz'),
    streetFormats: ['{area} quarter, {type} {n}, house {m}', 'Mahalla {n}, {name}, house {m}', 'House {n}, {name} {type}'],
    streets: w('Ankawa_Main Shaqlawa Qasra Church Mar_Eliya Mar_Gewargis Marangi Ainkawa_2 Tiz_Khaba Kirkuk_Road'),
    types: w('Street Zuqaq Road'),
    areas: w('Ankawa Qaraqosh Tel_Keppe Alqosh Bartella Karamlesh Nohadra Dohuk_Center Zakho Simele'),
    units: ['flat {n}', 'apartment {n}, Ankawa Tower {m}', 'floor {m}'],
    cities: w('Erbil Ankawa Dohuk Zakho Alqosh Bakhdida Qaraqosh Tel_Keppe Bartella Simele'),
    postcodes: ['44001', '42001', '440##'],
    phones: ['0750 ### ####', '+964 750 ### ####', '066 ### ####', '+964 66 2## #### ext. ##'] },
  { locale: 'bal_Latn', group: 'middle_east', country: 'Balochistan', region: 'PK', postcodeFirst: false,
    male: w('Sardar Nawab Mir Jan Dost Sabir Bashir Gulzar Ghulam_Rasool Rashid Hammal Chakar Naseer Zahoor'),
    female: w('Mahganj Banadi Sammi Hani Mahrang Gul_Bibi Shahnaz Zarina Sabiha Bibi_Nazeer Mahnaz Shari Sadia'),
    surnames: w('Baloch Bugti Marri Mengal Rind Zehri Lehri Raisani Jamali Magsi Buledi Kurd Bizenjo Jamot Gichki Hoth Lashari Mirwani Sasoli Shahwani Notezai Domki Nausherwani Raisani-Baloch Kalmati Jattak Sanjrani'),
    streetFormats: ['House No. {n}, {name}, {type}', 'Street {m}, {name}, house {n}', 'P.O. Box {n}, {name}'],
    streets: w('Jinnah_Road Sariab_Road Brewery_Road Satellite_Town Samungli_Road Jail_Road Quarry_Road Arbab_Karam_Khan_Road Shahbaz_Town Killi_Ismail'),
    types: w('Mohalla Block Town'),
    units: ['flat {n}', 'office {n}, Zarghoon Plaza', 'floor {m}'],
    cities: w('Quetta Turbat Gwadar Khuzdar Panjgur Sibi Mastung Kalat Dera_Bugti Nushki'),
    postcodes: ['87300', '92600', '89100', '8####'],
    phones: ['081 2######', '+92 81 2######', '03## #######', '+92 81 28##### ext. ###'] },
  { locale: 'lad', group: 'middle_east', country: 'Türkiye (İstanbul)', region: 'TR', postcodeFirst: true,
    male: w('Jak Moiz Bohor Avram Nissim Izak Rafael Yuda Salomon Eli Mordohay Shabetay Daniel Ezra'),
    female: w('Mazal Sol Estrea Rivka Palomba Klara Djoya Luna Bulisa Reyna Fortuna Sara Vida'),
    surnames: w('Benveniste Levi Alaluf Behar Albukrek Kamhi Saporta Eskenazi Asseo Bahar Habib Ovadya Gabay Adato Koen Farhi Mitrani Taragan Bensason Franko Navaro Algazi Kohen-Behar Romano Abravanel Karasu Pardo'),
    streetFormats: ['{name} {type} No: {n} D: {m}', '{name} {type} No: {n}/{m}', '{name} Apt., {name} {type} No: {n}'],
    streets: w('Büyükdere Bağdat Halaskargazi Abdi_İpekçi Kuyulu_Bostan Tophane Kumbaracı Şair_Nedim Moda Mühürdar'),
    types: w('Cd. Sk. Sok. Bulvarı'),
    units: ['D: {n}', 'Kat {m} D: {n}', 'Daire {n}'],
    cities: w('İstanbul Şişli Beyoğlu Kadıköy Balat Hasköy Nişantaşı Kuzguncuk Ortaköy İzmir'),
    postcodes: ['34###', '343##', '35###'],
    phones: ['0212 ### ## ##', '+90 212 ### ## ##', '05## ### ## ##', '+90 216 ### ## ## dahili ###', '0212 ### ## ## ext. ##'] },
  // europe (minority)
  { locale: 'gag', group: 'europe', country: 'Gagauz Yeri', region: 'MD', postcodeFirst: true,
    male: w('Mihail Todur Ivan Stepan Dimitri Konstantin Grigorii Vasilii Nikolay Fyodor Petri Andrey Georgi Todi'),
    female: w('Irina Lüdmila Valentina Tatyana Mariya Anastasiya Stefaniya Elena Zinoviya Olga Domnika Nadejda Sveta'),
    surnames: w('Formuzal Vlah Dudoglo Kendigelean Ianioglo Gaidarji Topal Kurkchi Kara Kösä Çakır Karaseni Chebotar Tabunşçik Uzun Yanakoglo Mavrodi Baboglo Kioseoglo Manol Terzi Kolioglo Peicheva Karagöz Marinoglo Kuru Demirov'),
    feminine: ovFeminine,
    streetFormats: ['str. {name} {n}', 'str. {name} {n}, ap. {m}', 'bd. {name} {n}/{m}'],
    streets: w('Lenin Pobedy Gagarin Mihail_Çakır Tretiakov Pușkin Komrat Kirov Stroitelnaya Budjak'),
    types: w('str. bd.'),
    units: ['ap. {n}', 'bloc {m}, ap. {n}', 'of. {n}'],
    cities: w('Comrat Ceadîr-Lunga Vulcănești Congaz Copceac Tomai Besalma Avdarma Kirsovo Baurci'),
    postcodes: ['MD-3805', 'MD-38##', 'MD-3901'],
    phones: ['0298 #####', '+373 298 #####', '06# ### ###', '+373 298 2#### ext. ##'] },
]; // prettier-ignore

export const LOCALE_GROUPS_V7: Record<string, string[]> = {};
for (const s of LOCALE_SPECS_V7) (LOCALE_GROUPS_V7[s.group] ??= []).push(s.locale);
export const V7_LOCALES: string[] = LOCALE_SPECS_V7.map((s) => s.locale);
const BY_LOCALE = new Map(LOCALE_SPECS_V7.map((s) => [s.locale, s]));

export function isV7Locale(locale: string): boolean {
  return BY_LOCALE.has(locale);
}

export function groupOfV7(locale: string): string {
  const s = BY_LOCALE.get(locale);
  if (!s) throw new Error(`not a v7 locale: ${locale}`);
  return s.group;
}

/** The locale source of a v7 locale, seeded per sample (faker's English locale supplies the randomness). */
export function v7Source(locale: string, seed: number): LocaleSource {
  const s = BY_LOCALE.get(locale);
  if (!s) throw new Error(`not a v7 locale: ${locale}`);
  return specSource(s, seed);
}
