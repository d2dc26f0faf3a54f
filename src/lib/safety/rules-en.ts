// English risk rules as data. Pattern language: see rule-types.ts. Folding turns "don't" into
// "don t" and "I'm" into "i m"; the matcher also accepts "dont"/"im" (run-together words).
//
// Judgement calls:
// - "X is killing me", "I could kill for a coffee", "dying to", "die of embarrassment", "kill time",
//   "killed it", "killing myself trying/laughing", "shot myself in the foot", "beat me at FIFA",
//   "hit me up" are idioms: threats need a first-person intent and a person as object; suicide needs
//   "myself", "my life", "want to die" etc.
// - "I want to die" is always flagged (high) — we do not try to tell hyperbole from intent there.
// - Topic words (suicide, self-harm, domestic violence, psychosis, addiction, homeless) in work
//   experience, training, news or about groups ("people with self-harm") are masked.
// - Severity as in rules-da.ts.
import type { RuleSet } from "./rule-types.js";

const ME = "myself|my_self|meself|myslef|mysef";
const PARTNER =
  "boyfriend|girlfriend|husband|wife|partner|ex=|dad=|father|mum=|mom=|mother|stepdad|stepfather|stepmum|" +
  "stepmom|stepmother|brother|sister|son=|daughter|uncle|fiance|fiancee|bf=|gf=|hubby|boyfriends|husbands|fella";
const PERSON = `he=|she=|they=|${PARTNER}`;
const HIT =
  "hit=|hits|hitting|beat=|beats|beating|punch*|kick*|slap*|chok*|strangl*|push*|shov*|hurts=|hurting|" +
  "raped|rapes|abus*|grab*|batter*|smack*|throttl*|headbutt*|bit=|bites|burned|burns";
// First-person intent in front of a violent verb.
// "ill", "im", "id" are I'll, I'm, I'd typed without apostrophes.
const INTENT = "i=|ll=|ill=|im=|id=|will|gonna|going|want*|wanna|shall|swear|gon=|plan*|d=";
const VICTIM = "him=|her=|them=|you=|u=|everyone|everybody|somebody|someone|anyone|anybody|people|that_guy|bitch|bastard";
const VICTIM_OF = "my=|the=|his=|her=|that=|this=|our=";
const PEOPLE =
  "caseworker*|case_worker|boss|manager|neighbou*|neighbor*|landlord|ex=|mentor|advisor|adviser|dad=|father|mum=|" +
  "mom=|brother|sister|husband|wife|boyfriend|girlfriend|partner|people|staff=|guy=|man=|woman|teacher|colleague*|" +
  "coworker*|family|kids|lady|bloke|recruiter|interviewer=|officer|doctor";
const DRUGS =
  "painkillers|pills|heroin|cocaine|coke|crack|meth|alcohol|booze|drugs|opioids|opiates|oxy*|xanax|benzos|" +
  "valium|gambling|ketamine|ket=|speed|amphetamine*|weed|cannabis|spice|fentanyl|tramadol|codeine";
const CONTEXT =
  "experience=|worked=|work=|working=|volunteer*|job=|role=|position=|course=|training=|trained=|" +
  "certificate=|certified=|degree=|placement=|internship=|shift*|workshop*|ran=|supported=|supporting=|" +
  "support=|helping=|helped=|counsel*|nurse=|worker=|staff=|team=|employed=|prevention=|awareness=|" +
  "campaign=|charity=|organisation=|organization=|research=|studied=|studying=|article=|documentary=|" +
  "book=|film=|movie=|series=|podcast=|news=|report=|lecture=|class=|seminar=|module=|unit=";
const TOPIC =
  "suicid*|self=|selfharm=|overdos*|psychos*|psychotic=|domestic|abuse=|abusive=|violence=|violent=|" +
  "addict*|alcohol*|drugs=|substance=|homeless*|shelter*|relapse*|voices=|hallucinat*|rape=|sexual=|" +
  "trauma=|eviction=|women=";
const GROUP =
  "people=|clients=|patients=|users=|residents=|survivors=|victims=|women=|men=|families=|children=|" +
  "kids=|youths=|teens=|adults=|students=|pupils=|those=|someone=|others=|individuals=|vulnerable=|" +
  "person=|patient=|client=";

export const RULES_EN: RuleSet = {
  language: "en",
  rules: [
    // ---------- second version: the C-SSRS wish to be dead, burdensomeness, thwarted belonging ----------
    {
      id: "en.suicide.wish-dead",
      category: "suicide",
      severity: "high",
      patterns: [
        "wish|wishing|want|wanna|hope|hoping ~3 i= ~1 was|were|am|be= dead|ded",
        "wish|wished|hope|hoped|hoping|pray*|praying ~4 won_t|wouldn_t|didn_t|hadn_t|not|never ~1 wake|woken|waking|woke",
        "happy|glad|relieved|fine ~3 if= ~2 i= ~1 died|die|dead",
        "wish ~2 never= ~1 been= born",
        "better|easier ~2 if= i= ~1 died|dead|wasn_t_here|didn_t_exist|wasn_t_alive|was_gone|disappeared",
        "better|easier off= without= me",
        "shouldn_t|should_not|not= ~1 be= alive|exist",
        "nobody|no_one|noone|no= one= ~4 miss|notice ~1 me|if",
        "anyone|anybody ~1 even= come= to= my= funeral",
        "months|weeks ~3 before= anyone|anybody ~1 found|find|notice* ~1 me",
        "when= i= m|am dead ~4 finally",
      ],
    },
    {
      id: "en.suicide.possible",
      category: "suicide",
      severity: "medium",
      patterns: [
        "don_t|dont|not= ~1 really? want|wanna ~1 to= be= here ~1 anymore|any_more",
        "can_t|cant|cannot do= this anymore|any_more",
        "want|wanna ~2 to= disappear",
        "don_t|dont care ~2 if= i= wake|live",
        "i= m|am|im just|such ~1 a= burden|nuisance|dead_weight|drain",
        "i= m|am|im ~2 completely|totally|all alone ~2 in= the= world",
        "no_one|nobody|noone ~2 cares ~1 about= me",
        "switch ~1 everything|it off",
        "never= get= up",
      ],
    },
    // ---------- suicide ----------
    {
      id: "en.suicide.word",
      category: "suicide",
      severity: "high",
      patterns: ["suicid*", "suicide|suicidal"],
    },
    {
      id: "en.suicide.act",
      category: "suicide",
      severity: "high",
      patterns: [
        `kill*|kil= ${ME}|himself|herself|themselves|themself`,
        "want|wanna|gonna|going|to= ~2 kms= !away|from|of|to|per|each|a|an|every|in|on",
        "end*|take|taking|took|taken my=|his=|her=|their= own=? life=",
        "end*= it= all=",
        "want*|wanna|going|gonna|plan*|ready|decided ~1 end= it= !with|early|there|here|off|up|by|before|after|for|on|now|today",
        "end= it= tonight|today|now|soon",
        "want|wanna|wish|going|ready|like ~2 die=|dye= !for|of|from|laughing|to|on|a|the",
        "wish* ~1 i= was=|were= dead|gone|never",
        "wish* ~1 i= wasn=|weren= t= here|alive|born|around",
        "wish* ~1 i= was=|were= not= here|alive|born|around",
        "rather be= dead",
        `hang*|hanged ${ME}`,
        `shoot*|shot= ${ME} !in`,
        "jump*|throw* ~2 off|from ~2 bridge*|roof*|building*|balcon*|cliff*|window|tower*|car_park",
        "step*|jump*|throw*|walk* ~2 in= front= of= ~2 train*|bus*|car=|cars|truck*|lorry|traffic|tram",
        "slit*|cut* my= wrist*",
        "overdos* on= purpose",
        "saved|saving|stockpil*|hoard*|collect*|stash* ~2 pills|tablets|meds|medication|painkillers|sleeping",
        "take|taking|swallow*|took ~1 all= my=|the=|of= ~1 pills|tablets|meds|medication|painkillers",
        "goodbye|farewell letter*|note*",
        "way= out= ~3 dying|death|die=|dead",
        "rope|noose ~6 do_it|myself|neck|hang*",
      ],
    },
    {
      id: "en.suicide.passive",
      category: "suicide",
      severity: "medium",
      patterns: [
        "don=|do= t=|not= ~1 want*|wanna ~2 live=|alive|exist|existing !on|in|off|at|near|abroad|there|here|somewhere|by|close|next|with",
        "want*|wanna ~2 live=|alive|exist= anymore|any_longer|no_more",
        "not= exist|existing anymore|any_more",
        "stop_existing|cease_to_exist",
        "point|reason|purpose ~3 living|alive|existing|exist= !in",
        "no=|any=|zero reason|point ~2 go= on= !with|to|a",
        "nothing|nobody|no_one ~1 live= for=",
        "worth= living !in",
        "can_t|can_not|not= ~1 go= on= living|anymore|existing|any=",
        "can_t|can_not|not= ~1 keep= going|living !with",
        "better ~1 off= dead",
        "better off=? without me=",
        "better off=? if= i= was=|were=|wasn= dead|gone|never|t",
        "nobody|noone|no_one ~2 notice*|miss|care|cared ~3 gone|dead|died|die=|disappear*|wasn|weren|here",
        "nobody|noone|no_one would|will= miss= me=",
        "won= t=|not= be= around= much=? longer|anymore|for_long",
        "disappear*|vanish* forever|for_good",
        "never= wake* up= !early|late|before|in|on|at|until|till|when",
        "hope ~2 don_t|dont|not= wake* up= !early|late|before|in|on|at|until|till|when",
        "done= with= life|living|existing",
        "no= way= out !of",
        "it= all= to= stop|end",
        "tired= of= living !in|on|with|here|there|at|like",
        "tired|sick ~1 of= being= alive|here|around",
        "tired|sick ~1 of= life= !admin|coach*|insurance|hack*|in|on|at|with|skills|style|stage|lessons|story|advice",
        "better|happier|easier|nicer ~4 if= i= ~1 wasn_t|wasnt=|weren_t|was_not|were_not ~1 around|here|alive",
        "better|happier|easier|nicer ~4 if= i= ~1 was=|were= gone|dead|never_born",
        "never= been= born|wish* ~2 never= born",
      ],
    },
    // ---------- self-harm ----------
    {
      id: "en.self-harm",
      category: "self_harm",
      severity: "high",
      patterns: [
        "self= harm*|injur*",
        "selfharm*",
        `cut*|cutting ${ME}`,
        `hurt*|harm*|burn*|burnt|scratch*|punish*|starv* ${ME}`,
        "urge|urges ~2 cut=|cutting|self=|hurt|harm|burn",
        "cut=|cuts=|cutting|slash*|slit* my= arm|arms|wrist|wrists|legs|thigh|thighs|skin|stomach",
        "i=|ive=|im= ~2 cutting !down|back|costs|cost|jobs|staff|hair|out|the|wood|grass|corners|class|classes|ties|carbs|sugar|my|it|this|that|a|up|off|edge|in|through|across|meat|paper",
        "started|start|stop|stopped|keep ~1 cutting again",
      ],
    },
    // ---------- violence and abuse at home ----------
    {
      id: "en.abuse.violence",
      category: "abuse",
      severity: "high",
      patterns: [
        `${PERSON} ~2 ${HIT} ~1 me= !up|back`,
        // "hurt me" alone is as often emotional ("she hurt me when she left")
        `${PERSON} ~2 hurt= me= !a|so|when|by|deeply|emotionally|badly|with|because|more|too|the`,
        `${PERSON} ~2 threaten* ~1 to= kill|hurt|beat|hit|murder|stab ~1 me=|us=|the_kids`,
        `${PERSON} ~2 gets|get|is=|becomes|became|turns|was= ~1 violent|abusive`,
        "domestic violence|abuse",
        `abusive ~1 relationship|marriage|household|home|family|${PARTNER}`,
        `${PARTNER}|he=|she= ~2 is= abusive`,
        "was=|got|been|ve= ~1 raped|molested|assaulted|sexually",
        `${PERSON} ~2 lock*|locked ~1 me= in|inside|up`,
        `${PERSON} ~2 won_t|doesn_t|wont|doesnt let= me= leave|go`,
      ],
    },
    {
      id: "en.abuse.fear",
      category: "abuse",
      severity: "medium",
      patterns: [
        "scared|afraid|terrified|frightened ~3 go=|going|come|coming ~1 home",
        `scared|afraid|terrified|frightened of= my= ${PARTNER}`,
        "staying|living|moved|fled|went|stay|live ~4 shelter|refuge !for",
      ],
    },
    // ---------- threats to others ----------
    {
      id: "en.threat",
      category: "threat",
      severity: "high",
      patterns: [
        `${INTENT} ~2 kill|murder|stab|shoot|strangle|choke|hurt|beat|smash|punch|attack|batter ${VICTIM} !at|in|to`,
        `${INTENT} ~2 kill|murder|stab|shoot|strangle|choke|hurt|beat|smash|punch|attack|batter ${VICTIM_OF} ${PEOPLE}`,
        `${INTENT} ~2 burn ~3 down=`,
        "blow= up= the=|a= ~1 building|office|centre|center|place|school|jobcentre",
        "bring*|take|taking|carry*|carrying ~2 knife|knives|gun|weapon|bat=|machete ~2 to=|into ~2 meeting|centre|center|office|school|jobcentre|appointment",
        "make* him|her|them|you bleed|suffer",
        `${INTENT} ~2 beat ${VICTIM} up`,
        `${INTENT} ~2 smash|punch|kick|break|stab|bash|cave ~1 his=|her=|their|your face|head|teeth|skull|legs|nose|jaw`,
      ],
    },
    // ---------- acute crisis: no bed, no food ----------
    {
      id: "en.crisis",
      category: "acute_crisis",
      severity: "medium",
      patterns: [
        "nowhere|no_place|no_where ~1 else=? to= sleep|stay|live",
        "nowhere|no_place ~1 else=? to= go= !with|in|from|but|career",
        "evict*",
        "m=|am=|living|sleeping|sleep|slept|ended|end|be= ~1 on= the= street|streets",
        "sleeping|sleep|slept rough",
        "sleeping|sleep|slept|living|live in= my=|the=|a= car|tent|park|doorway|station",
        "m=|am=|im=|now=|been=|become|became|are=|re=|be= homeless|homless|homeles !shelter*|people|person|charity|sector|services|outreach|hostel*|centre|center",
        "haven_t|havent|didn_t|didnt|not= ~1 eaten|eat=|had= ~2 in|for|since ~2 days|day|week|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday",
        "no= food ~3 house|home|fridge|flat|money|left|kids|cupboard*",
        "can_t|can_not|not= afford ~1 food|groceries|eat|feed",
        "no= money for= food|groceries",
      ],
    },
    // ---------- substance crisis ----------
    {
      id: "en.substance.overdose",
      category: "substance",
      severity: "high",
      patterns: ["overdos*", "too= many= pills*|tablets*|painkiller*|sleeping"],
    },
    {
      id: "en.substance",
      category: "substance",
      severity: "medium",
      patterns: [
        "i= ~2 relapse*",
        "had= a= relapse*",
        "can= t=|not=|cannot ~1 stop|quit ~1 drinking|using|gambling|smoking_weed",
        "drinking|drunk|drank ~2 since ~2 morning|woke",
        "drank|drunk|drinking ~1 a= whole= bottle",
        "using= again",
        "haven_t|havent=|not= ~1 been= sober",
        `back= on= ${DRUGS}|the_bottle`,
        `addicted to= ~1 ${DRUGS}`,
        "m=|am=|im= an=|a= alcoholic|addict|junkie",
        "m=|am=|im= high|drunk|wasted|stoned|smashed right_now|again|every|all",
        `doing|snorting|smoking|taking|using ~1 ${DRUGS} ~2 every_day|again|daily|all_the_time`,
      ],
    },
    // ---------- acute psychiatric symptoms ----------
    {
      id: "en.psychiatric.command",
      category: "psychiatric",
      severity: "high",
      patterns: ["voices ~3 tell*|telling|told|say|saying|says|command*|want ~3 me=|to=|i="],
    },
    {
      id: "en.psychiatric",
      category: "psychiatric",
      severity: "medium",
      patterns: [
        "hear*|hearing ~1 voices !from|through|next|outside|downstairs|upstairs",
        "chip|chips|implant*|implanted ~2 in= my= head|brain",
        "tv|television|radio|telly ~3 sending|send|sends|talking|speaking|talk ~2 me|messages|signals",
        "spying on= me",
        "thoughts ~2 into= my= head|mind|brain",
        "someone|they|people|government|neighbours|neighbors|police ~4 control*|putting|inserting|stealing|broadcasting ~1 my= thoughts|mind|brain !at|to|on|off|into|through|around",
        "they|neighbours|neighbors|people|police|someone|everyone ~2 watching|following|tracking|monitoring me ~2 through|in|with|everywhere",
        "haven_t|havent|not= ~1 slept ~2 in|for ~2 days|nights",
        "i= ~3 psychotic|psychosis",
        "can_t|can_not|don_t|not= ~1 tell|know what= s=|is= real",
        "i= ~3 hallucinat*",
      ],
    },
  ],
  masks: [
    // denials of the wish to be dead ("I don't wish I was dead", "never wished I was dead")
    "don_t|dont|do= not|never|not= ~1 wish*|want*|wanted ~2 i= ~1 was|were|to= ~1 be= dead|die",
    // idioms and hyperbole
    "die=|died|dying|dead ~1 of|from laughing|laughter|embarrassment|boredom|shame|cringe|heat|cold|hunger|curiosity|envy",
    "suicide|suicidal mission|squad|run",
    `shoot*|shot= ${ME} in= the=? foot|feet`,
    `kill*|kil= ${ME}|himself|herself ~1 laughing|trying|working|over|doing|studying|for_nothing`,
    "hit*= me= up=|back=",
    "beat*|beaten me= at|to_it",
    "kill*= time=",
    // "dead" as an intensifier: dead tired, dead serious, dead last, dead end …
    "dead= tired|serious|last|wrong|set|end|broke|bored|sure|honest|beat|center|centre|right|easy|simple|quiet|slow",
    `cut*|burn*|burnt|hurt*|scratch* ${ME} shaving|cooking|chopping|accidentally|playing|lifting|gardening`,
    `cut*|burn*|burnt|hurt*|scratch* ${ME} on= a|the|some|my|broken|glass|paper|knife`,
    // professional, training, news — and talk about other people
    `${CONTEXT} ~2 in|on|with|about|at|for|from|of|into|around|as ~3 ${TOPIC}`,
    `${GROUP} with|who|of|experiencing|affected|suffering|living|that ~3 ${TOPIC}|hear=|addicted|harm*`,
    "suicide= hotline|helpline|line ~3 volunteer*|shift*|staff|worker*|role|job|position",
    "domestic= violence|abuse shelter*|charity|charities|unit|organisation|organization|services|service|team|project|training|course|awareness|prevention|advocate*|survivors|victims|sector",
    "recovering|sober|former|ex= alcoholic|addict",
    "goodbye|farewell ~2 colleague*|team|coworker*|co_workers|office|boss|manager|job|work|class",
    // explicit denials
    "not=|never=|no=|nt= ~1 suicidal|suicide",
    "don_t|dont=|not=|never=|wouldn_t|wouldnt=|won_t|wont= ~2 want=? to=? hurt=|harm=|kill= ~1 him=|her=|them=|anyone=|anybody=|you=|a_fly",
  ],
};
