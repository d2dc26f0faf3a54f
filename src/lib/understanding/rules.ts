// Rules as data, beside the classifier: cues that make an intent clear, and vetoes for the
// look-alikes that must do nothing ("jeg venter på bussen", "min ven fik job", "we will meet on
// Friday"). All patterns run on folded text: lower case, æøå → ae/oe/aa, punctuation → spaces.
export type Intent =
  | "status"
  | "human"
  | "delete"
  | "language"
  | "help"
  | "outcome"
  | "mentor_pause"
  | "relay"
  | "meeting"
  | "checkin_answer"
  | "new_mentor"
  | "change_profile";

export const INTENTS: readonly Intent[] = [
  "status",
  "human",
  "delete",
  "language",
  "help",
  "outcome",
  "mentor_pause",
  "relay",
  "meeting",
  "checkin_answer",
  "new_mentor",
  "change_profile",
];

export interface IntentRule {
  /** Who can mean it: a mentee does not pause as a mentor. */
  roles?: readonly ("mentee" | "mentor" | "coordinator")[];
  /** Any of these makes the intent clear when the classifier also leans to it. */
  cues: readonly RegExp[];
  /** Any of these rules the intent out, whatever the classifier says. */
  vetoes?: readonly RegExp[];
}

const OTHERS =
  /\b(min|mit|mine|my|hans|hendes|his|her)\s+(ven\w*|veninde|friend\w*|bror|brother|soester|soster|sister|mor|mother|mum|mom|far|father|dad|kone|wife|mand|husband|kaereste|boyfriend|girlfriend|nabo|neighbou?r|fætter|faetter|cousin|kollega|colleague|soen|son|datter|daughter|barn|child)\b/;
const FUTURE_MEETING =
  /\b(skal (vi )?(moedes|ses|snakke|tales ved)|vil moedes|will meet|going to meet|gonna meet|are meeting|re meeting|meeting (on|next|tomorrow|at)|meet (on|next|tomorrow)|naeste (uge|gang)|next (week|time)|i morgen|tomorrow|paa (mandag|tirsdag|onsdag|torsdag|fredag|loerdag|soendag))\b/;
/** Meetings with people who are not the mentor or mentee. */
const OTHER_MEETING =
  /\b(nabo\w*|neighbou?r\w*|sagsbehandler\w*|caseworker\w*|kunde\w*|client\w*|chef\w*|boss|laege\w*|doctor|laerer\w*|teacher|from hr|fra hr|on the bus|i bussen|sprogskole\w*|language school|danish class\w*|dansk ?(klasse|kursus|undervisning))\b/;

export const RULES: Record<Intent, IntentRule> = {
  status: {
    cues: [
      /\b(is|am)\s+(my|i)\s+(mentor )?(profile )?(still )?(active|live|paused)\b|\b(forgotten (about )?me|glemt mig)\b/,
      /\b(any news|nogen nyt|nyt om|news about|update on)\b|\b(sttaus|statsu|stauts)\b|\bhave i been matched|\ber (jeg|min profil) aktiv\b|\bwen mentor\b/,
      /\b(hvornaar|hvornar|hvonaar|when)\b.*\b(mentor|mentee|match\w*|svar|hear|hoere|hore)\b/,
      /\b(venter|waiting|vente)\b.*\b(stadig|still|endnu|yet|mentor|match)\b/,
      /\b(hvad sker der( nu| med mig| med min\w*)?\s*$|what happens( now| next| to me| with me| with my \w+)?\s*$|what now|hvad nu|what s next|whats next|hvad saa nu|naeste skridt|next step)\b/,
      /\bmin status\b|\bmy status\b|\bstatus\s*$|^\s*status\b/,
      /\b(har i|do you have|got)\b.*\b(mentee|mentor)\b.*\b(til mig|for me)\b/,
    ],
    vetoes: [
      OTHERS,
      /\b(close|closed|lukker|lukket|holder lukket)\s+(for|til|i|over|ned)\b/,
      /\b(bus\w*|tog\w*|train|pakke\w*|package|parcel|post\w*)\b/,
      /\b(skolerne|the schools|normalt|usually|normally|generally|endelig noget|finally something)\b/,
      /\b(hvad sker der|what happens|what s happening|whats happening) (i|med|paa|in|with|to|this|at) (?!mig\b|min\b|mit\b|me\b|my\b)/,
      /\bstatus (paa|on|of) (mit|min|my|arbejds|the|det|job)\w*(?!.*\b(mentor|match|sag|case)\b)/,
      /\b(venter|waiting|vente) (paa|for|on) (bus\w*|tog\w*|train|the bus|pizza|post\w*|pakke\w*|svar fra (kommunen|jobcent\w*)|my (sister|brother|friend|mum|mom))\b/,
    ],
  },
  human: {
    cues: [
      /\b(frem for|instead of|rather than|i stedet for)\s+(en |a |this |denne )?(chatbot|bot|robot|maskine|machine|chat)\b/,
      /\b(whoever runs|den der staar for|den der star for|ansvarlig for|responsible for|en ansat|an employee|staff|personale)\b/,
      /\b(tale|snakke|tal|snak|ringe|talk|speak|chat)\b.*\b(menneske|person|koordinator\w*|coordinator\w*|rigtig|real|human|nogen|someone|somebody|voksen)\b/,
      /\b(et menneske|a human|real person|rigtig person|ikke en (bot|robot|maskine)|not a (bot|robot|machine))\b/,
    ],
    vetoes: [
      /\b(i feel best|jeg har det bedst|i like (to )?talk|kan godt lide at (tale|snakke))\b/,
      /\b(become|blive|vaere|be) (a |en |et )?(person|menneske|human)\b/,
      /\b(min mentor er et|my mentor is a)\b/,
    ],
  },
  delete: {
    cues: [
      /\b(fjern|remove|slet|delete|glem)\w*\b.*\b(alt|everything)\b.*\b(om mig|about me)\b/,
      /\b(profil\w*|profile|data|oplysninger|information)\b.*\b(skal|must|should)\b.*\b(fjernes|slettes|deleted|removed|erased)\b/,
      /\b(luk|close|nedlaeg)\b.*\b(konto|account|profil\w*|profile)\b|\b(remove|removve|fjern) (me|mig)\b|\b(profile|profil)\w* (gone|vaek)\b/,
      /\b(slet|slette|sletter|fjern|fjerne|delete|remove|erase|wipe)\b.*\b(mine|min|mit|mig|my|me|profil\w*|profile|data|oplysninger|info\w*|konto|account)\b/,
      /\b(glem mig|forget me|afmeld\w*|unsubscribe|meld mig ud|vil ud|opt out)\b/,
      /\b(mine|my|all my|alle mine)\b.*\b(data|oplysninger|information|info|profil\w*|profile|konto|account)\b.*\b(slettet|deleted|removed|fjernet|erased)\b/,
    ],
    vetoes: [
      // Something deleted, not a wish to be deleted: "I deleted the old CV", "jeg slettede en mail".
      /\b(i|jeg|we|vi|he|she|han|hun)\s+(accidentally |ved en fejl |just |lige )?(deleted|slettede|have deleted|har slettet|removed|fjernede)\b(?!.*\b(mine data|my data|min profil|my profile|mine oplysninger|my information)\b)/,
    ],
  },
  language: {
    cues: [
      /\b(english|engelsk|dansk|danish)\s+(again|igen)\b/,
      /\b(skriv|skrive|snak|tale|svar|write|speak|answer|talk|reply|switch|skift|change|use|bruge|brug)\b.*\b(engelsk|english|dansk|danish)\b/,
      /\b(english|engelsk|dansk|danish)\b.*\b(please|pls|tak|venligst|instead|i stedet)\b/,
      /\b(in|paa|på) (english|engelsk|danish|dansk)\b/,
    ],
    vetoes: [
      /\b(hvad hedder|hvad betyder|what is|what s|what does|how do you say|hvordan siger man|hvad er)\b.*\b(paa|in|på)\s+(dansk|engelsk|danish|english)\b/,
      /\bmentor\b.*\b(som taler|who speaks)\b/,
      /\b(laere|lare|learn\w*|films?|tv|serier|series|ansoegning\w*|ansogning\w*|application|cv|wrote|skrev|skrrv|skrevet|written)\b/,
      /\b(min|my|hans|her|hendes)\s+\w*\s*(taler|speaks|learns|laerer)\b/,
      /\b(kursus|course|class|undervisning|lesson|moede|meeting|kunde|client)\b/,
      /\b(jeg taler|i speak|i talk|jeg kan tale)\b.*\b(og|and|,)\b/,
      /\b(nemmere|easier|svaerere|harder|bedre end|better than)\b/,
    ],
  },
  help: {
    cues: [
      /\b(hvilke muligheder|what are my options|show me (my |the )?options|vis (mig )?mulighederne|hvad er mulighederne)\b/,
      /^\s*[?]+\s*$/,
      /\b(explain again|forklar (det )?igen|don t (quite |quie )?get it|forstaar det ikke|hvad kan jeg bruge dig til|hvsd kan jeg bruge dig til|what can (you|u) (help|do)|wat can u do|hvilke kommandoer|which commands)\b/,
      /^\s*(help|hjaelp|hjalp|hjelp|menu)\s*[!?.]*\s*$/,
      /\b(hvad kan (du|jeg)( goere| bruge dig til)?( her)?\s*$|what can (you|i) do( here)?\s*$|how does (this|it) work|hvordan (virker|fungerer) (det|du|det her|den her|botten|appen|mentorbro|chatten)|jeg forstaar ikke|i don t understand|i dont understand|forstaar ikke hvad)\b/,
    ],
    vetoes: [
      /\b(forstaar ikke|forstar ikke|don t understand|do not understand) (brevet|the letter|min|my|the|det med|hvorfor|why|reglerne|the rules)\b/,
      /\b(hvordan har du det|how are you|hvad laver du|what are you doing|how s it going)\b/,
      /\b(hvordan fungerer det med|how does \w+ work (with|for))\b/,
      /^\s*(k|ok|okay|okey|oki|tak|thanks|thx|ty|ja|nej|yes|no|fint|fine|super|cool|nice|godt|good)\s*[!.]*\s*$/,
      /\b(help me (write|with|find)|hjaelp (mig )?(med|til) (at )?(skrive|cv|ansoeg\w*|finde))\b/,
      /\b(hjaelp fra|help from)\b.*\b(kommune|jobcenter)\b/,
      /\b(forstaar godt|understand what you mean|forstaar hvad du mener|i understand)\b/,
      /\b(dagpenge|kontanthjaelp|uddannelseshjaelp|loentilskud|a kasse|akasse|benefits|husleje|rent|skat|tax)\b/,
    ],
  },
  outcome: {
    roles: ["mentee", "mentor"],
    cues: [
      /\b(min|my)\s+mentee\w*\s+(er|has|have|is|blev|got|fik|har)\b.*\b(optaget|kommet ind|hired|ansat|job\w*|praktik\w*|uddannels\w*|accepted|admitted|internship|eud|hf)\b/,
      /\b(mig|me)\s+(fa|faa|faar|far|get|got)\s+(praktik\w*|job|arbejde)\b/,
      /\b(finally|endelig)\s+(employed|ansat|job\w*|arbejde)\b/,
      /\b(signed|skrevet|skrev under paa)\b.*\b(contract|kontrakt)\b/,
      /\b(i am|i m|im|jeg er)\s+(working|i arbejde|i job)\b|\bjeg har (arbejde|job\w*) nu\b|\bi have a (praktik|internship|job)\b/,
      /\b(i get|i got|i have got|jeg har faet|jeg har faaet|jeg fik|jeg faar|jeg far)\s+(a |an |et |en )?(new )?(job|praktik\w*|arbejde|internship|plads)\b/,
      /\b(jeg|i|i ve|ive|jeg har|i have)\b.*\b(faaet|fået|fik|got|landed|startet|started|begynder|starting|start|optaget|accepted|admitted|ansat|hired)\b.*\b(job\w*|arbejde|stilling|uddannels\w*|praktik\w*|loentilskud|internship|education|course|position|work|school|studie\w*)\b/,
      /\b(jeg er|i am|i m|im|i was|jeg blev)\b.*\b(optaget|accepted|admitted|ansat|hired|employed)\b/,
    ],
    vetoes: [
      /\b(ny|nyt|new)\s+(chef|boss|kollega|colleague|nummer|number|telefon|manager|leder)\b/,
      /\b(jeg har selv|myself|mig selv)\b/,
      OTHERS,
      /\b(soeger|looking for|applying|ansoeger|sender ansoegning|applied|hope|haaber|haber|droemmer|want a|vil gerne|would like|d like|ikke faaet|didn t get|did not get|fik ikke|fik det ikke|no job|naeste aar|next year|maaske|maybe|rejected|afslag|afvist)\b/,
      /\b(new|ny|nyt) (phone|telefon|mobil|cykel|bike|car|bil|lejlighed|flat|apartment)\b/,
    ],
  },
  mentor_pause: {
    roles: ["mentor"],
    cues: [
      /\b(flu|influenza|forkoelet|covid|operation\w*|take a break|tage en pause|holde pause|pausing|pause (the |mentor)\w*|kursus|course|konference|conference)\b/,
      /\b(vaek|away|out|ude|bortrejst|i udlandet|abroad|in spain|i spanien)\b.*\b(uge\w*|week\w*|maaned\w*|month\w*|dage|days|til|until|\d)/,
      /\b(broke|braekket|brakket|giving birth|foede|fode|barsel|paternity|maternity)\b/,
      /\b(ferie\w*|holiday\w*|vacation\w*|syg\w*|sick|ill|indlagt|hospital\w*|operation|bortrejst|away|travel\w*|rejser|pause)\b/,
      /\b(kan ikke|can t|cannot|won t be able|not available|ikke tilgaengelig|optaget)\b.*\b(uge\w*|week\w*|dage|days|maaned\w*|month\w*|til|until)\b/,
    ],
    vetoes: [
      /^(?!.*\b(er|am|is|will|skal|bliver|until|til|fra|from|next|naeste|kommende|coming|i morgen|tomorrow|nu|now|denne|this|resten|rest)\b).*\b(was|were|var|holdt|havde|had)\b/,
      /\b(var|was|had|havde|har haft|have had)\b.*\b(ferie|holiday|vacation)\b.*\b(dejlig|god|great|nice|lovely|fin)\b/,
      /\b(hvordan var|how was)\b/,
      /\b(tilbage fra|back from|er tilbage|am back|i m back|im back|frisk igen|rask igen|better now|fine now|frisk nu|rask nu)\b/,
      /\b(god ferie|have a (nice|good|great) (holiday|vacation|trip)|happy holidays|god tur|god jul|merry christmas)\b/,
      /\b(var syg|was sick|was ill|har vaeret syg|have been sick)\b(?!.*\b(stadig|still|igen|again)\b)/,
      /\b(min|my) (mentee|koordinator|coordinator)\w* (er|is)\b/,
    ],
  },
  relay: {
    cues: [
      /^\s*(til|to)\s+(min |my )?(mentor|mentee|metor|mentir|meentee|mentr)\w*\s*[:\-,]/,
      /\b(fortael|fortæl|tell|tll|fotraeel|fotrael|sig til|let)\s+(?!me\b|mig\b|os\b|us\b|him\b|her\b|them\b)[a-z]+\s+(at|that|i|jeg|know)\b/,
      /\b(mentor|mentee)\w*\s+(besked|besekd|message|messaeg|msg)\b|\b(besked|message|messaeg|msg)\s+(for|til|to)\s+(my|min)\b/,
      /\b(sig|fortael|skriv|send|giv|tell|let|message|inform|say to|pass)\b.*\b(til )?(min|my)\s+(mentor|mentee)\w*\b/,
      /\b(besked|message|note)\b.*\b(til|to)\s+(min|my)?\s*(mentor|mentee)\w*\b/,
    ],
    vetoes: [
      /\b(har|has|did|fik|got)\s+(min|my)\s+(mentee|mentor)\w*\s+(faaet|fået|faet|got|received|modtaget|read|laest|set|seen)\b/,
      /\bsig til (hvis|naar|nar)\b|\btell me (when|if)\b/,
      /\b(jeg|i|vi|we) (sendte|sent|skrev|wrote)\b/,
      /\b(my|min) (mentor|mentee)\w* (asked|bad|spurgte|said|sagde|told|fortalte|wants|vil|mente|thinks|synes)\b/,
      /\b(min|my) (mentor|mentee)\w* (sagde|said|told|skrev|wrote|fortalte)\b/,
    ],
  },
  meeting: {
    cues: [
      /\b(vi )?(moedtes|mødtes|motes|modtes|snakkede|talte|ringede|saa|sås|saas|havde et moede|had a meeting|met|spoke|talked|called|had coffee|drak kaffe)\b/,
    ],
    vetoes: [
      /\b(skulle have|should have|was supposed to|aflyst\w*|aflyste|cancel\w*)\b/,
      FUTURE_MEETING,
      OTHER_MEETING,
      OTHERS,
      /\b(skal|will|going to|planlaegger|plan to)\b/,
    ],
  },
  checkin_answer: {
    cues: [/^\s*(ja|nej|yes|no|jo|nope|yep|yeah|jep|nah)\b/],
  },
  new_mentor: {
    roles: ["mentee"],
    cues: [
      /\b(instead of|i stedet for)\b.*\bmentor\b|\bmentor\b.*\b(instead|i stedet)\b/,
      /\b(replace|remach|rematch|re match|nyt match|ny match|new match)\b/,
      /\b(ny|anden|andet|nyt|another|new|different|other|skifte|change|switch|bytte)\b\s*(mentor)\b/,
      /\b(mentor)\b.*\b(virker ikke|fungerer ikke|not working|doesn t work|passer ikke|don t match|not a good match)\b/,
    ],
    vetoes: [
      /\b(vil ikke have en anden|ikke have en ny|don t want (a |another )?(new |different |other )?mentor|don t want another)\b/,
      /\b(be a mentor|become a mentor|blive mentor|vaere mentor|myself|selv mentor)\b/,
      OTHERS,
    ],
  },
  change_profile: {
    cues: [
      /\b(bor ikke|don t live|no longer live|not living)\b.*\b(mere|anymore|laengere|any more)\b/,
      /\b(my name|mit navn)\b.*\b(must|should|skal|stavet|spelled|written|skrives|staves)\b/,
      /\b(profil\w*|profile)\b.*\b(lave om|aendre|ændre|change|update|rette|fix)\b/,
      /\b(nyt|new)\s+(nummer|number|telefonnummer|phone number|email|mail)\b/,
      /\b(aendre|ændre|rette|opdatere|opdater|skifte|change|update|edit|correct|fix)\b.*\b(profil\w*|profile|oplysninger|svar|answer|details|info\w*|kommune|branche|industry|sprog|language\w*|navn|name|tider|times|availability)\b/,
      /\b(jeg er flyttet|i have moved|i moved|i ve moved|flyttet til|moved to)\b/,
    ],
    vetoes: [/\b(i like my|i love my|jeg kan godt lide (min|mit)|jeg elsker (min|mit))\b/],
  },
};
