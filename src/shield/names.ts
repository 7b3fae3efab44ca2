/*
 * Common given names and surnames across cultures, typed for llmshield (no external source).
 * Lower-case, space separated; loaded once into Sets. A capitalized word in these lists is a name
 * candidate; words that are also ordinary English words are filtered by AMBIGUOUS in detectors/person.ts.
 */

const GIVEN = `
aaron abby abdul abdullah abel abigail abraham ada adam adele adeline adrian adriana adrienne agnes ahmad ahmed
aidan aiden aileen aisha akira alan alana albert alberto alejandra alejandro aleksandr aleksandra alex alexa
alexander alexandra alexandre alexis alfie alfred alfredo ali alice alicia alina alison alissa allan allison alma
alvaro alyssa amanda amber amelia amelie amina amir amit amos amy ana anastasia anders andre andrea andreas andrei
andres andrew andrzej andy angel angela angelica angelina angelo angie anika anita ann anna annabel anne anneliese
annette annie anthony antoine anton antonia antonio anya aria ariana ariel arjun arnav arne arnold arthur arturo
arvid asha ashley ashok astrid audrey august augusto aurelia aurora austin ava avery axel ayaan ayesha
barbara barry bartosz basil beatrice beatriz becky belinda ben benedict benjamin bernadette bernard bernd bert
beth bethany betty beverly bianca bill billy bjorn blake bogdan boris brad bradley brandon brenda brendan brian
briana bridget brittany brooke bruce bruno bryan bryce caleb callum calvin cameron camila camille candice cara
carl carla carlos carly carmen carol carole caroline carolyn carsten casey cassandra catalina catarina catherine
cathy cecilia cedric celine chad chandra charles charlie charlotte chelsea cheng cheryl chiara chidi chinedu
chloe chris christian christina christine christoph christopher chuck cindy claire clara clarence claudia claudio
clemens cliff clifford clint clyde cody colin colleen connor conor constance corey cornelia courtney craig
cristina curtis cynthia dagmar daisuke dale damian damien dan dana daniel daniela danielle danny dante daphne
darius darko darlene darnell darren daryl dave david davide dawn dean deborah debra declan deepak deirdre delia
denis denise dennis derek desmond dexter diana diane diego dieter dimitri dimitrios dina dmitri dmitry dolores
dominic dominik dominique don donald donna dora doris dorothy doug douglas duncan dustin dwayne dylan ebony eddie
edgar edith edmund eduardo edward edwin eileen elaine eleanor elena eli elias elif elijah elin elisa elisabeth
elise eliza elizabeth ella ellen ellie elliot elliott eloise elsa emeka emil emilia emilio emily emma emmanuel enrico
enrique eric erica erik erika erin ernest ernesto esperanza esteban estelle esther ethan eugene eva evan evelyn
ezra fabian fabio faisal farah farid fatima federico felicia felipe felix fernando filip filippo finn fiona flora
florian frances francesca francesco francis francisco frank franz fred freddie frederick frederik freya frida
gabriel gabriela gabriele gabrielle gareth garrett gary gavin gemma genevieve geoffrey george georgia gerald
gerard gerhard gianluca gina giorgio giovanni giulia giuseppe gladys glen glenn gloria gordon graham gregory greta
gretchen guillermo gunnar gustav gustavo guy gwen hailey haley hamid hamza hana hannah hans harald harold harriet
harry harvey hassan heather hector heidi heike helen helena helga henrik henry herbert hermann hiroshi hiroko
holger horst howard hugh hugo hussein ian ibrahim ida ignacio igor ilse imani imogen ines ingrid irene irina iris
isaac isabel isabella isabelle isaiah ismail ivan ivana ivy jack jackie jackson jacob jacqueline jade jaime jake
jakob jakub jamal james jamie jan jana jane janet janice janine jared jasmine jason javier jay jayden jean jeanette
jeanne jeff jeffrey jelena jennifer jenny jens jeremiah jeremy jerome jerry jesper jess jesse jessica jesus jill jim
jimmy jin jo joan joanna joanne joao joaquin jodi joe joel johan johann johanna johannes john johnny jon jonas
jonathan jordan jorge jose josef joseph josephine josh joshua joy joyce juan judith judy jules julia julian juliana
julie juliet julio june jurgen justin kai kaito kamal karan kareem karen karin karina karl karla kasper kate
katharina katherine kathleen kathryn kathy katie katrin katrina kay kayla keith kelly kelvin ken kendra kenji kenneth
kerry kevin khalid kim kimberly kirsten klaus kofi krishna kristen kristin kristina kumar kurt kwame kyle laila lakshmi
lana lara larry lars laura lauren laurence lea leah lee leila lena leo leon leonard leonardo leonie leslie levi liam
lila lilian lillian lilly lily lina linda lindsay lindsey lionel lisa liv liz lizzie logan lois lorena lorenzo loretta
lori lorraine louis louisa louise luca lucas lucia lucy luis luisa lukas luke luna lydia lynn madeleine madison mads
magdalena maggie magnus mahmoud maia maja malcolm malik mandy manuel manuela mara marc marcel marcela marco
marcos marcus margaret margarita margot maria mariah mariam marian mariana marie marina mario marion marisa marisol
marius marjorie mark marko marlene marta martha martin martina marvin mary maryam mason mateo mathias matilda matteo
matthew matthias maureen maurice max maxim maximilian maya megan mehmet mei melanie melinda melissa melvin mercedes
meredith mia micah michael michaela michel michele michelle miguel mikael mike mikhail mila milan miles milica
milo mindy miranda miriam mitchell mohamed mohammad mohammed molly monica monika morgan moritz muhammad muriel mustafa
nadia nadine nancy naomi natalia natalie natasha nathan nathaniel neil nelson nicholas nick nicola nicolas nicole
niels nikita nikola nikolai nina noah noel nora norbert norman oliver olivia omar oscar oskar otto owen pablo paige
pamela paola paolo pascal patricia patrick paul paula paulina pauline pedro peggy penelope per peter petra phil
philip philippe phillip phoebe pierre pietro piotr pooja preston priya priyanka rachel rafael rahul raj rajesh ralph
ramon randall randy raphael raquel rashid raul ravi ray raymond rebecca regina reinhard rena renata rene renee rhys
ricardo richard rick ricky rita rob robert roberta roberto robin rocco rodrigo roger roland rolf roman ronald ronnie
rosa rosalind rosemary ross roy ruben rudolf rui rupert russell ruth ryan sabine sabrina sachin sadie sakura sally
salma salvatore sam samantha samir samuel sandra sanjay santiago sara sarah sasha saul scarlett scott sean sebastian
selena serena sergei sergey sergio seth shane shannon sharon shawn sheila shelby shelly sherry shirley siddharth
silvia simon simone sina siobhan sofia sonia sonja sophia sophie stacy stanley stefan stefanie stella stephan
stephanie stephen steve steven stuart sue sunil susan susanne suzanne sven svetlana sylvia tamara tammy tanya tara
taylor ted teresa terry thea theo theodore theresa thomas tiago tiffany tim timothy tina tobias todd tom tomas tommy
toni tony tracy travis trevor tristan troy tyler ulrich ursula uwe valentina valeria valerie vanessa vera veronica
veronika vicente victor victoria vijay vikram vincent viola violet virginia vivian vladimir walter wanda warren wayne
wendy werner wesley whitney wilhelm william willow wolfgang xavier xavi yara yasmin yasmine yolanda yosef yuki yuri
yusuf yvette yvonne zachary zara zoe zoey zofia
aarav aditi aditya akash alok amar anil anjali ankit anand arun ashwin deepa dev devi divya gaurav geeta gita hari
harish indira jaya kavya kiran lata manoj meena mohan neha nikhil nisha pallavi pankaj pradeep prakash pranav
preeti rakesh ramesh rani rekha rohan rohit sachi sanjana santosh sapna seema shankar sharma shilpa shreya sita
sneha sonal suresh swati tanvi uma varun vikas vinod vishal yash
wei jing li ming xiao hui lei fang yan ying hong jun hao yu xin yang zhen qiang lan ping chen
hiroki haruto yuto sota ren yui hina aoi mio takashi takeshi yoshiko kazuo keiko akiko naoko satoshi tomoko yuko
jiho minjun seojun jiwoo seoyeon minji jisoo hyun sung younghee soojin
nguyen minh anh thanh tuan huong linh trang
olumide tunde ngozi chioma adebayo folasade oluwaseun yetunde amara kemi ayodele obinna uchenna kwabena ama akosua
abena yaw kojo esi zainab halima aminata fatou mamadou moussa ousmane ibrahima awa
youssef karim rami rania layla leyla nour noor omar yasmin samira salim tariq walid ziad hadi hoda mona dalia
rasha reem abdel hamza khaled nabil bilal imran arif asif farhan sana hina saima nadia shahid
ahmet ayse emre fatma zeynep burak can deniz elif cem hakan murat selin yusuf ozan kerem ebru
olga natalya tatiana yelena ekaterina yulia anastasiya oksana vasily nikolay pavel alexei andrey viktor yaroslav
bozena kasia katarzyna malgorzata agnieszka tomasz marek pawel krzysztof grzegorz wojciech lukasz michal jerzy
zbigniew ewa dorota joanna anja ivo jiri petr lucie tereza zdenek milos dragan goran nenad zoran vesna snezana
mirela ioana andreea mihai bogdan radu florin gheorghe dimitra eleni georgios konstantinos nikos panagiotis sofia
katerina vasiliki yannis
sigrid solveig ingrid kari bjarne knut eirik ola tove hilde liv astrid britt maren siri torbjorn leif steinar
mette lotte kirsten karsten niels jesper rasmus mikkel soren anders lars henrik ulf birgit ebba saga elsa alva
wilma hugo nils oskar pekka jukka mikko timo juha antti heikki sari tiina anu kaisa riikka aino
pieter jeroen sander bram daan joost wouter thijs maarten sanne femke anouk lieke marieke ingrid annemieke
jelle sjoerd tjeerd geert henk kees ruud
honore amelie aurelien benoit cecile clement corentin didier etienne florence francoise gael gilles guillaume
helene herve jacques jerome laetitia lucien manon margaux mathieu maxime nathalie olivier pascale quentin sandrine
solene thierry valentin yannick yves
joaquim joana leonor goncalo afonso duarte tiago rui catarina beatriz mariana ines inês joao joão
alvaro ana belen carmen concepcion consuelo dolores encarnacion guadalupe inmaculada jesus josefa lucia manuela
mercedes milagros montserrat nuria pilar rocio rosario soledad ximena xochitl yolanda
giacomo giuseppina lorenza marcello massimo mauro maurizio ottavio raffaele riccardo sergio stefano tommaso vittoria
heinz jurgen jörg jorg karl-heinz kurt manfred rainer siegfried ute waltraud wiebke wolfram
cormac eoin niamh aoife ciara saoirse sinead padraig seamus eamon orla roisin
dafydd gwen rhiannon emrys iolo
kalani keanu leilani makoa
`;

const SURNAMES = `
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson
thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker
young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell
carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy
cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson
brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross
foster jimenez powell jenkins perry russell sullivan bell coleman butler henderson barnes gonzales fisher vasquez
simmons romero jordan patterson alexander hamilton graham reynolds griffin wallace moreno west cole hayes bryant
herrera gibson ellis tran medina aguilar stevens murray ford castro marshall owens harrison fernandez mcdonald
woods washington kennedy wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter
hunter gordon mendez silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson boyd rose
stone salazar fox warren mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner
payne grant dunn kelley spencer hawkins arnold pierce vazquez hansen peters santos hart bradley knight elliott
cunningham duncan armstrong hudson carroll lane riley andrews alvarado ray delgado berry perkins hoffman johnston
matthews pena richards contreras willis carpenter lawrence sandoval guerrero george chapman rios estrada ortega
watkins greene nunez wheeler valdez harper burke larson santiago maldonado morrison franklin carlson austin
dominguez carr lawson jacobs obrien lynch singh vega bishop montgomery oliver jensen harvey williamson gilbert
dean sims espinoza howell li wong reid hanson le mccoy garrett burton fuller wang weber welch rojas lucas marquez
fields park yang little banks padilla day walsh bowman schultz luna fowler mejia davidson acosta brewer may holland
juarez newman pearson curtis cortez douglas schneider joseph barrett navarro figueroa keller avila wade molina
stanley hopkins campos barnett bates chambers caldwell beck lambert miranda byrd craig ayala lowe frazier powers
neal leonard gregory carrillo sutton fleming rhodes shelton schwartz norris jennings watts duran walters cohen
mcdaniel moran parks steele vaughn becker holt deleon barker terry hale leon hail benson haynes horton miles lyons
pham graves bush thornton wolfe warner cabrera mckinney mann zimmerman dawson lara fletcher page mccarthy love
robles cervantes solis erickson reeves chang klein salinas fuentes baldwin daniel simon velasquez hardy higgins
aguirre lin cummings chandler sharp barber bowen ochoa dennis robbins liu ramsey francis griffith paul blair
oconnor cardenas pacheco cross calderon quinn moss swanson chan rivas khan rodgers serrano fitzgerald rosales
stevenson christensen manning gill curry mclaughlin harmon mcgee gross doyle garner newton burgess reese walton
blake trujillo adkins brady goodman roman webster goodwin fischer huang potter delacruz montoya todd wu hines
mullins castaneda malone cannon tate mack sherman hubbard hodges zhang guerra wolf valencia saunders franco rowe
gallagher farmer hammond hampton townsend ingram wise gallegos clarke barton schroeder maxwell waters logan camacho
strickland norman person colon parsons frank harrington glover osborne buchanan casey floyd patton ibarra ball
tyler suarez bowers orozco salas cobb gibbs andrade bauer conner moody escobar mcguire lloyd mueller hartman
french kramer mcbride pope lindsey velazquez norton mccormick sparks flynn yates hogan marsh macias villanueva
zamora pratt stokes owen ballard lang brock villarreal charles drake barrera cain patrick pineda burnett mercado
santana shepherd bautista ali shaffer lamb trevino mckenzie hess beil olsen cochran morton nash wilkins petersen
briggs shah roth nicholson holloway lozano flowers rangel hoover short arias mora valenzuela bryan meyers weiss
underwood bass greer summers houston carson morrow clayton whitaker decker yoder collier zuniga carey wilcox
melendez poole roberson larsen conley davenport copeland massey lam huff rocha cameron jefferson hood monroe
anthony pittman huynh randall singleton kirk combs mathis christian skinner bradford richard galvan wall boone
kirby wilkinson bridges bruce atkinson velez meza roy vincent york hodge villa abbott allison tapia gates chase
sosa sweeney farrell wyatt dalton horn barron phelps yu dickerson heath foley atkins mathews bonilla acevedo
benitez zavala hensley glenn cisneros harrell shields rubio huffman choi boyer garrison arroyo bond kane hancock
callahan dillon cline wiggins grimes arellano melton oneill savage ho beltran pitts parrish ponce rich booth koch
golden ware brennan mcdowell marks cantu humphrey baxter sawyer clay tanner hutchinson kaur berg wiley gilmore
russo villegas hobbs keith wilkerson ahmed beard mcclain montes mata rosario vang walter henson oneal mosley
mcclure beasley stephenson snow huerta preston vance barry johns eaton blackwell dyer prince macdonald solomon
guevara stafford english hurst woodard cortes shannon kemp nolan mccullough merritt murillo moon salgado strong
kline cordova barajas roach rosas winters jacobson lester knox bullock kerr leach meadows orr davila whitehead
pruitt kent conway mckee barr david dejesus marin berger mcintyre blankenship gaines palacios cuevas bartlett
durham dorsey mccall odonnell stein browning stout lowery sloan mclean hendricks calhoun sexton chung gentry hull
duarte ellison nielsen gillespie buck middleton sellers leblanc esparza hardin bradshaw mcintosh howe livingston
frost glass morse knapp herman stark bravo noble spears weeks corona frederick buckley mcfarland hebert
enriquez hickman quintero randolph schaefer walls trejo house reilly pennington michael conrad giles benjamin
crosby fitzpatrick donovan mays mahoney valentine raymond medrano hahn mcmillan small bentley felix peck lucero
boyle hanna pace rush hurley harding mcconnell bernal nava ayers everett ventura avery pugh mayer bender shepard
mcmahon landry case sampson moses magana blackburn dunlap gould duffy vaughan herring mckay espinosa rivers farley
bernard ashley friedman potts truong costa correa blevins nixon clements fry delarosa best benton lugo portillo
dougherty crane haley phan villalobos blanchard horne finley quintana lynn esquivel bean dodson mullen xiong
hayden cano levy huber richmond moyer lim frye sheppard mccarty avalos booker waller parra woodward jaramillo
krueger rasmussen brandt peralta donaldson stuart faulkner maynard galindo coffey estes sanford burch maddox
vo oconnell vu andersen spence mcpherson church schmitt stanton leal cherry compton dudley sierra pollard alfaro
hester proctor lu hinton novak good madden mccann terrell jarvis dickson reyna cantrell mayo branch hendrix
rollins rowland whitney duke odom daugherty travis tang archer
muller mueller schmidt schneider fischer weber meyer wagner becker schulz hoffmann schafer koch bauer richter
klein wolf schroder neumann schwarz zimmermann braun kruger hofmann hartmann lange schmitt werner schmitz krause
meier lehmann schmid schulze maier kohler herrmann konig walter mayer huber kaiser fuchs peters lang scholz moller
weiss jung hahn schubert vogel friedrich keller gunther frank berger winkler roth beck lorenz baumann franke
albrecht schuster simon ludwig bohm winter kraus martin schumacher kramer vogt stein jager otto sommer gross
seidel heinrich brandt haas schreiber graf schulte dietrich ziegler kuhn kuhne pohl engel horn busch bergmann
thomas voigt sauer arnold wolff pfeiffer
dubois durand leroy moreau lefebvre lefevre laurent michel garcia david bertrand roux vincent fournier morel
girard andre mercier dupont lambert bonnet francois martinez legrand garnier faure rousseau blanc guerin muller
henry roussel nicolas perrin morin mathieu clement gauthier dumont lopez fontaine chevalier robin masson sanchez
gerard nguyen boyer denis lemaire duval joly gautier roger roche roy noel meyer lucas meunier jean perez marchand
dufour blanchard marie barbier brun dumas brunet schmitt leroux colin fernandez pierre renard arnaud rolland
caron aubert giraud leclerc vidal bourgeois renaud lemoine picard gaillard philippe leclercq lacroix fabre dupuis
olivier rodriguez da silva hubert louis charles guillot riviere le gall guillaume adam rey moulin gonzalez berger
lecomte menard fleury deschamps carpentier julien benoit paris maillard marchal aubry vasseur le roux renault
jacquet collet prevost poirier charpentier royer huet baron dupuy pons paul laine carre breton remy schneider
perrot guyot barre marty cousin
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti de luca mancini costa
giordano rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso ferrara galli martini leone
longo gentile martinelli vitale lombardo serra coppola de santis d'angelo marchetti parisi villa conte ferraro
ferri fabbri bianco marini grasso valentini messina sala de angelis gatti pellegrini palumbo sanna farina rizzi
monti cattaneo morelli amato silvestri mazza testa grassi pellegrino carbone giuliani benedetti barone rossetti
caputo montanari guerra palmieri bernardi martino fiore de rosa ferretti bellini basile riva donati piras vitali
battaglia sartori neri costantini milani pagano ruggiero sorrentino d'amico orlando damico negri
garcia fernandez gonzalez rodriguez lopez martinez sanchez perez gomez martin jimenez ruiz hernandez diaz moreno
alvarez munoz romero alonso gutierrez navarro torres dominguez vazquez ramos gil ramirez serrano blanco molina
morales suarez ortega delgado castro ortiz rubio marin sanz nunez iglesias medina garrido cortes castillo santos
lozano guerrero cano prieto mendez cruz calvo gallego vidal leon marquez herrera pena flores cabrera campos
vega fuentes carrasco diez caballero reyes nieto aguilar pascual santana herrero lorenzo montero hidalgo gimenez
ibanez ferrer duran santiago benitez mora vicente vargas arias carmona crespo roman pastor soto saez velasco moya
soler parra esteban bravo gallardo rojas pardo merino franco espinosa izquierdo lara rivas silva rivera casado
camacho arroyo redondo vera otero carrillo rios mendoza
silva santos ferreira pereira oliveira costa rodrigues martins jesus sousa fernandes goncalves gomes lopes
marques alves almeida ribeiro pinto carvalho teixeira moreira correia mendes nunes soares vieira monteiro cardoso
rocha raposo neves coelho cruz cunha pires ramos reis simoes antunes matos fonseca machado araujo barbosa tavares
lourenco castro figueiredo azevedo freitas melo barros
jansen de jong de vries van den berg van dijk bakker janssen visser smit meijer de boer mulder de groot bos vos
peters hendriks van leeuwen dekker brouwer de wit dijkstra smits de graaf van der meer van der linden kok jacobs
de haan vermeulen van den heuvel van der veen van den broek de bruijn de bruin van der heijden schouten van beek
willems van vliet van de ven hoekstra maas verhoeven koster van dam van der wal prins blom huisman peeters
johansson andersson karlsson nilsson eriksson larsson olsson persson svensson gustafsson pettersson jonsson
jansson hansson bengtsson lindberg jakobsson magnusson lindstrom lindqvist lindgren berglund axelsson lundberg
lundgren mattsson berg sandberg eklund ekstrom forsberg sjoberg wallin engstrom danielsson hakansson lund
nielsen jensen hansen pedersen andersen christensen larsen sorensen rasmussen jorgensen petersen madsen kristensen
olsen thomsen christiansen poulsen johansen knudsen mortensen moller jakobsen vestergaard kristoffersen lind
johannessen haugen hagen johnsen halvorsen berntsen dahl lie solberg strand bakke moen nilsen iversen
korhonen virtanen makinen nieminen makela hamalainen laine heikkinen koskinen jarvinen lehtonen lehtinen
saarinen salminen heinonen niemi heikkila kinnunen salonen turunen salo laitinen tuominen rantanen karjalainen
nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski wozniak dabrowski kozlowski
jankowski mazur kwiatkowski krawczyk piotrowski grabowski nowakowski pawlowski michalski nowicki adamczyk dudek
zajac wieczorek jablonski krol majewski olszewski jaworski wrobel malinowski pawlak witkowski walczak stepien
gorski rutkowski michalak sikora ostrowski baran duda szewczyk tomaszewski pietrzak marciniak wroblewski
kowalska nowakowa
novak svoboda novotny dvorak cerny prochazka kucera vesely horak nemec marek pospisil hajek jelinek kral ruzicka
benes fiala sedlacek dolezal zeman kolar navratil cermak vanek urban blaha novakova svobodova
nagy kovacs toth szabo horvath varga kiss molnar nemeth farkas balogh papp takacs juhasz lakatos meszaros olah
simon racz fekete szilagyi torok feher balazs gabor
popescu popa pop radu dumitru stan stoica gheorghe matei ciobanu ionescu rusu constantin mihai munteanu
ivanov smirnov kuznetsov popov vasiliev petrov sokolov mikhailov novikov fedorov morozov volkov alekseev lebedev
semenov egorov pavlov kozlov stepanov nikolaev orlov andreev makarov nikitin zakharov zaitsev soloviev borisov
yakovlev grigoriev romanov vorobiev sergeev kuzmin frolov alexandrov dmitriev korolev gusev kiselev ilyin
maximov polyakov sorokin vinogradov kovalev belov medvedev antonov tarasov zhukov baranov filippov komarov
davydov belyaev gerasimov bogdanov osipov sidorov matveev titov marchenko krylov ivanova petrova
smirnova kuznetsova popova sokolova volkova morozova novikova kozlova lebedeva
shevchenko kovalenko bondarenko tkachenko kravchenko oliynyk kovalchuk koval boyko melnyk
jovanovic petrovic nikolic markovic djordjevic stojanovic ilic stankovic pavlovic milosevic horvat kovacevic
babic maric juric novak knezevic vukovic marković
papadopoulos papadakis georgiou dimitriou nikolaou konstantinou ioannou vasileiou christodoulou pappas
yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan kilic aslan cetin kara koc kurt
ozkan simsek polat korkmaz
cohen levi mizrahi peretz biton friedman katz azoulay dahan
khan ahmed ali hussain shah malik qureshi iqbal butt chaudhry rahman hossain islam uddin akhtar siddiqui
sheikh mirza raza haider
patel sharma singh kumar gupta shah mehta joshi desai reddy rao nair iyer menon pillai verma mishra pandey
chatterjee banerjee mukherjee das bose ghosh sen chopra kapoor malhotra agarwal bhatt jain saxena trivedi
chauhan yadav thakur pillay krishnan subramanian venkatesh
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang
han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao lu
jiang cui zhong tan lu fan wang jin shi liao jia xia fu fang zou xiong bai meng qin qiu hou jiang xue yan
wong chan leung lau cheung ng ho yip tsang chow kwok lam
kim lee park choi jung kang cho yoon jang lim han oh seo shin kwon hwang ahn song yoo hong jeon ko moon
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi
matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto yamashita ishikawa nakajima maeda
fujita ogawa goto okada hasegawa murakami kondo ishii saito sakamoto endo aoki fujii nishimura fukuda ota miura
fujiwara okamoto matsuda nakagawa nakano harada ono tamura takeuchi kaneko wada nakayama ishida ueda morita
hara shibata sakai kudo yokoyama miyazaki miyamoto uchida takagi ando taniguchi ohno maruyama imai takada
fujimoto takeda murata ueno sugiyama masuda sugawara hirano kojima otsuka chiba kubo matsui iwasaki sakurai
kinoshita noguchi matsuo nomura kikuchi sano onishi sugimoto arai hamada ichikawa fukushima hirata
nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly
okafor okeke okonkwo adeyemi adebayo ogunleye ogundipe balogun bello mensah boateng owusu asante osei appiah
kamara diallo traore keita sow ba camara toure diop ndiaye fall sy sarr kone coulibaly ouedraogo mwangi otieno
kamau wanjiru ochieng njoroge mutua kiprop kipchoge dlamini nkosi ndlovu khumalo mokoena
hassan hussein mohamed ibrahim abdullah mahmoud mustafa saleh haddad khalil nasser youssef mansour aziz
rahimi hosseini mohammadi ahmadi karimi rezaei moradi sadeghi
murphy kelly sullivan walsh smith obrien byrne ryan oconnor oneill reilly doyle mccarthy gallagher doherty
kennedy lynch murray quinn moore mcloughlin carroll connolly daly connell wilson dunne brennan burke collins
campbell clarke johnston hughes farrell fitzgerald brown martin maguire nolan flynn thompson callaghan odonnell
duffy mahony boyle healy shea white sweeney hayes kavanagh power mcgrath moran brady stewart casey foley
fitzpatrick leary mcdonnell macmahon donnelly regan donovan burns flanagan mullan barry kane robinson cunningham
griffin kenny sheehan ward whelan lyons reid graham higgins cullen keane king maher mckenna bell scott hogan
keeffe magee mcnamara mcdonald hurley
jones williams davies evans thomas roberts hughes lewis morgan griffiths edwards owen price jenkins rees
morris james phillips powell lloyd rowlands
macdonald campbell stewart robertson thomson anderson mackenzie reid ross paterson fraser murray maclean
mackay mcleod
wood baker wright walker hall green turner hill cooper ward morris clarke harrison wilkinson wells
`;

function toSet(list: string): Set<string> {
  const set = new Set<string>();
  for (const w of list.split(/\s+/)) if (w) set.add(w);
  return set;
}

export const GIVEN_NAMES: ReadonlySet<string> = toSet(GIVEN);
/** Particles of compound surnames ("van der Berg", "de Luca", "Gómez y Pérez"): part of a name, never one on their own. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'le',
  'la',
  'del',
  'della',
  'dos',
  'das',
  'ter',
  'ten',
  'bin',
  'binti',
  'bint',
  'ibn',
  'al',
  'el',
  'y',
  // Irish "Mac"/"Nic"/"Ó"/"Ní" are written capitalized or not ("Siobhán Mac Suibhne", "tadhg ó dónaill").
  'mac',
  'Mac',
  'nic',
  'Nic',
  'ó',
  'Ó',
  'ní',
  'Ní',
]);
export const SURNAMES_SET: ReadonlySet<string> = (() => {
  const set = toSet(SURNAMES);
  for (const p of NAME_PARTICLES) set.delete(p);
  return set;
})();
