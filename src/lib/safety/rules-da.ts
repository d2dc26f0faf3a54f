// Danish risk rules as data. Pattern language: see rule-types.ts. Words are folded (æ→ae ø→oe
// å→aa); typos, missing æøå and run-together words are handled by the matcher.
//
// Judgement calls, documented so reviewers can disagree in one place:
// - "det tager livet af mig (at …)" is everyday hyperbole about a task → masked. "jeg tager livet af
//   mig", "tage livet af mig selv" and "tage mit (eget) liv" are suicide.
// - "dø af grin/skam/sult/kedsomhed", "keder mig ihjel", "slå tiden ihjel", "skyde mig selv i foden",
//   "slår mig i Ludo", "jobsøgningen slår mig ud" are idioms → masked or never matched.
// - Topic words (selvmord, vold i hjemmet, psykose, misbrug, hjemløse) in work experience, training,
//   news or about groups of others ("unge med selvmordstanker") are masked; first-person statements
//   are not. A person who writes "vi er mange unge med selvmordstanker" is therefore missed.
// - Severity: high = explicit suicide/self-harm, violence or threats, overdose, voices giving orders;
//   medium = passive death wishes, fear at home, no bed or food, substance loss of control, paranoia.
import type { RuleSet } from "./rule-types.js";
import { JEG, MIG, IKKE, LEVE, NAER, SLAG, OTHER, INSTITUTION, GROUP, CONTEXT, TOPIC, SUBSTANCE, GAMES } from "./rules-da-words.js";

export const RULES_DA: RuleSet = {
  language: "da",
  rules: [
    // ---------- suicide ----------
    {
      id: "da.suicide.word",
      category: "suicide",
      severity: "high",
      // Fuzzy only for long compounds: a short fuzzy "selvmordet" would match "selvmøder" (a walk-in
      // at the job centre). "selvmor" is the common spelling without the silent d.
      patterns: ["selvmord*", "selvmor=", "selvmordstanker|selvmordstruet|selvmordsforsoeg|selvmordsplaner"],
    },
    {
      id: "da.suicide.take-life",
      category: "suicide",
      severity: "high",
      patterns: [
        "tag*=|tog=|tag= mit=|sit=|mt= eget=|egen=? liv=|livet=",
        "livet= af= mig=|sig=|mg= selv",
        `${JEG} ~3 tag*=|tog= livet= af= ${MIG}|sig=`,
        `slaa*|slog= ${MIG}|sig= selv ihjel`,
        `draeb*|dreb*|draebe|myrde* ${MIG}|sig= selv`,
        `goer*|goere|gore|gjorde|gjort det= af= med= ${MIG}|sig= selv`,
        "ende=|afslutte|afslut* mit=|sit=|mt= liv=|livet=",
        "en= ende= paa= det= hele",
        "en= ende= paa= livet|mit=|sit=|mig=|alt=",
        // not "hænger mig i detaljer", "hænger mig ikke i …", "hænger mig ud"
        `haeng*|hang= ${MIG}|sig= !i|ud|op|paa|fast|med|lidt|ved|ind|ikke|aldrig|tit|meget|altid|bare|ofte|for|over`,
        `haeng*|hang= ${MIG}|sig= selv= !i|ud|op|paa|fast|med`,
        "spring*|hop*|kast* ~2 foran= ~1 tog*|toget|bil=|bilen|bus=|bussen|lastbil*|metro*|s_tog*",
        "spring*|hop*|kast* ~2 ud= fra|af= ~2 bro=|broen|altan*|taget|vinduet|etage*|hustag*",
        "koer*|kor*|kore* ~1 ind= i= ~3 med= vilje=",
        "tag*=|tog=|sluge*|slugt ~1 alle= ~1 piller*|pillerne|tabletter*|sovepiller*",
        "samle*|samlet|gemt|gemmer|sparet|sparer ~3 piller*|pillerne|tabletter*|sovepiller*",
        "afskedsbrev*",
      ],
    },
    {
      id: "da.suicide.want-to-die",
      category: "suicide",
      severity: "high",
      patterns: [
        "vil=|ville=|vel=|vill= ~2 doe=|do=|doe !af|hvis|med|for|ud|som|ligesom|lidt|indeni|af=",
        "lyst* til= at= doe=|do=",
        "oensk*|onsk*|oensker|haab*|hab* ~2 jeg= var= doed|dod=|doede",
        "oensk*|onsk*|oensker ~1 at= doe=|do=",
        "haab*|hab* ~1 jeg= doer|dor=",
        "hellere ~1 vaere|vaer=|vare= doed|dod=",
        "doedsoensk*|dodsonsk*",
        `${IKKE} mere=|mer=|laengere|laenger? ~1 ${LEVE} !af|paa|i|med|som|sammen|et|det|uden|op|paa`,
        `vil=|ville=|gider|orker|magter|kan= ${IKKE} ~3 ${LEVE} mere=|mer=|laengere|laenger`,
        `vil=|orker|magter ${IKKE} ${LEVE} !af|paa|i|med|som|sammen|et|det|uden|op`,
      ],
    },
    {
      id: "da.suicide.passive",
      category: "suicide",
      severity: "medium",
      patterns: [
        `${IKKE} lyst* til= at= ${LEVE} !af|paa|i|med|som|sammen|et|det|uden|op`,
        `${IKKE} lyst* til= at= vaagne*|vagne* !tidligt|kl|klokken|til`,
        `${IKKE}|ingen= ~1 grund= til= at= ${LEVE}|fortsaet*|forsaet*|vaagne*`,
        `ingen= mening|meningen med= at= ${LEVE}|livet`,
        `${IKKE} se=|ser= ~1 mening*|meningen med= at= ${LEVE}|livet`,
        `meningsloest|meningslost ~1 at= ${LEVE}`,
        `intet=|ingenting|ikke_noget|nogetsomhelst ~1 at= ${LEVE} for=`,
        `${IKKE} vaerd|vaert at= ${LEVE}`,
        `traet*|traet= af= at= ${LEVE} !af|paa|i|med|som|sammen|uden`,
        `traet*|traet= af= livet`,
        `${IKKE} ~2 klare|klarer|holde_ud|orke*|orker|magte*|magter ~1 at= ${LEVE} !af|paa|i|med|som|sammen|uden|op`,
        "aldrig|ikke= ~1 var=|blev=|er= ~1 blevet=? foedt|fodt",
        "livstraet*",
        `${IKKE} ~1 vaere=|vare=|vaer=|vre=|vaere her= mere=|mer=|laengere|laenger !end`,
        `${IKKE} var=|vaer= her=|til= mere=|laengere|laenger`,
        "bedre|nemmere|lettere ~3 hvis=|om= jeg= var= vaek|vaeke|doed|dod= !fra|herfra|derfra",
        "bedre|nemmere|lettere ~3 hvis=|om= jeg= ikke= var=|fandtes|eksisterede|levede",
        "bedre|bedst|lettere ~1 uden= mig=",
        `ingen ~2 savne* ${MIG}`,
        "ingen ~2 opdage*|savne*|bemaerke* ~2 forsvandt|forsvinder|forsvinde|doede|doed|var_vaek|vaek",
        "forsvinde*|forsvandt ~1 for= altid=",
        "aldrig vaagne*|vagne*|vaagner|vaagnede ~1 op=? igen=?",
        `haab*|hab* ~2 ${IKKE} vaagne*|vagne*|vaagner`,
        `faerdig*|faerdig med= livet|at= ${LEVE}`,
        "opgiv*|opgive livet",
        "farvel ~2 for= altid=",
        "eneste udvej",
      ],
    },
    // ---------- self-harm ----------
    {
      id: "da.self-harm",
      category: "self_harm",
      severity: "high",
      patterns: [
        "selvskad*",
        `skaer*|skar=|skaaret|skaeret|skaere ~1 i= ${MIG} selv`,
        "skaer*|skar=|skaaret|skaere ~1 i= ~1 arm=|armen|armene|armene|haandled*|benene|laar*|laarene|huden|haandleddet",
        `skaer*|skar=|skaere|skaaret ${MIG} selv=`,
        "cutte*|cutter ~1 mig=|igen=|selv=",
        "begyndt|begynde|startet|stoppe*|holde ~2 cutte*|cutter",
        "lyst* til= at= cutte*",
        `braend*|brand*|braende ${MIG} selv= !paa|ved`,
        `skade=|skader|skadet|skade ${MIG} selv`,
        `goer*|goere|gore|gjorde|gjort ${MIG} selv= fortraed|ondt|skade|noget`,
        `krads*|kradse ${MIG} ~1 til= blods=`,
        `slaa*|slog= hoved*|hovedet ~2 ind= i= ~2 vaeg*|vaeggen|muren ~1 til= ~1 bloed*|blods`,
      ],
    },
    // ---------- violence and abuse at home ----------
    {
      id: "da.abuse.violence",
      category: "abuse",
      severity: "high",
      patterns: [
        `${NAER} ~2 ${SLAG} ${MIG}`,
        `${NAER} ~2 har= ~1 slaaet|banket|taesket|sparket|kvalt|skubbet|voldtag* ${MIG}`,
        `${NAER} ~3 truer|truet|truede ~1 med= at= ~1 slaa*|draebe*|draeb*|skade|smadre|banke|taeske|kvaele|stikke|skyde ~1 ${MIG}|ihjel`,
        `${NAER} ~3 truer|truet|truede ~1 ${MIG} med= ~1 kniv*|vaaben*|pistol*|gevaer*|bank*|taesk*|vold*`,
        "bliver|blev=|blir=|blevet ~1 slaaet|banket|taesket|sparket|kvalt|voldtag*|mishandlet|tvunget ~3 af=|derhjemme|hjemme !ud",
        "vold= i= hjemmet",
        "vold= ~1 derhjemme|hjemme",
        "voldelig*|voldlig* ~1 kaerest*|ekskaerest*|mand=|manden|far=|faren|partner*|samlever*|kone=|mor=|stedfar*|forhold*|eks=|fyr=",
        `${NAER} ~1 er=|bliver|blir= ~1 voldelig*|voldlig*`,
        "udsat= for= ~1 vold*|overgreb*|voldtaeg*",
        "voldtag*|voldtog*|voldtaeg*",
        "kvaelertag*|kvalertag*|kvaelertag",
        `laaser|laaste|laast|lukker|laser ~1 ${MIG} inde=`,
        "indespaerr*|indesperr*",
        `giv*|gav=|givet ${MIG} blaa= maerker*`,
        `${NAER} ~3 blaa= maerker*`,
        "psykisk* vold*",
      ],
    },
    {
      id: "da.abuse.fear",
      category: "abuse",
      severity: "medium",
      patterns: [
        `toer|tor=|tur= ${IKKE} ~2 hjem=`,
        "bange|angst|raedd|raed ~4 hjem=",
        "bange=|angst=|bang= for= min=|mit=|mine= ~1 kaerest*|ekskaerest*|mand=|manden|far=|faren|partner*|samlever*|kone=|konen|stedfar*|eks=|bror=|soen=|mor=",
        "bor|boede|boet|bo=|flyt*|flygt*|flygtede|kommet|ophold* ~3 krisecent*",
      ],
    },
    // ---------- threats to others ----------
    {
      id: "da.threat",
      category: "threat",
      severity: "high",
      patterns: [
        `${JEG}|vil=|ville=|skal=|lyst* ~3 slaa*|slog=|draeb*|dreb*|draebe|myrd*|skyd*|stikk*|kvael*|taesk*|banke* !mig|den|det|tiden ~3 ihjel`,
        `slaar|draeber|myrder|skyder|stikker|kvaeler ${JEG} ~1 ${OTHER} ~2 ihjel|ned=`,
        `${JEG}|vil=|ville=|skal=|lyst* ~3 draeb*|dreb*|draebe|myrd*|skyde|skyd|stikke|knivstik* ${OTHER} !en|et|afsted|af|over|ind|lige|hurtigt|op|i|for`,
        `${JEG}|vil=|ville=|skal=|lyst* ~3 taeske|taesk*|banke|gennembank*|smadre|slaa= ${OTHER} !paa|i|en|et|ud`,
        `${JEG}|vil=|ville=|skal=|lyst* ~3 goere|gore|goer|gjore ${OTHER} fortraed|noget|skade|ondt`,
        `stikk*|stak=|skyd* ${JEG}|han|hun ~1 ${OTHER} ned=`,
        `${JEG}|vil=|skal= ~3 braend*|braende ~1 hele=? ${INSTITUTION} ned=|af=`,
        `${JEG}|vil=|skal= ~3 saet*|saette ild= til= ~1 hele=? ${INSTITUTION}`,
        `tag*=|tog=|medbring*|har= ~2 kniv*|vaaben*|pistol*|gevaer*|boksejern ~1 med= til= ~2 ${INSTITUTION}|moede*|samtal*|ham|hende|dem|sagsbehandler*`,
        "han|hun|de=|du= skal= bloede*|blode",
      ],
    },
    // ---------- acute crisis: no bed, no food ----------
    {
      id: "da.crisis",
      category: "acute_crisis",
      severity: "medium",
      patterns: [
        `ingen=|intet=|${IKKE} noget=|nogen=? sted=|steder|stede ~1 at= sove|bo=|overnatte*|vaere|sova`,
        `${IKKE} hvor= jeg= skal= sove|bo=|overnatte*`,
        "sov*|sover|overnatte* ~1 paa= gaden|baenk*|trappe*|banegaard*",
        "sover|sove=|sovet ~1 i= min=|en=? bil=|bilen|opgang*|opgangen|telt*|parken|kaelder*",
        `${JEG}|vi= ~2 er=|blevet|bliver|blev= hjemloes|hjemloese`,
        "smidt=|sat=|smed= ud= ~1 af=|fra= ~1 lejlighed*|hjemmet|boligen|vaerelse*|hjemmefra|huset",
        "smidt=|sat=|smed= ud= ~3 og= ~3 sove|gaden",
        `${IKKE} spist|faaet_mad ~2 i= ~1 dage|doegn|dage=|uge|uger`,
        `${IKKE} spist|faaet_mad ~2 siden ~1 i= forgaars|mandag|tirsdag|onsdag|torsdag|fredag|loerdag|soendag`,
        "ingen= mad= !til|pakke|ordning",
        `${IKKE} raad=|rad=|rand= til= mad=|madvarer|at_spise|aftensmad|mad`,
      ],
    },
    // ---------- substance crisis ----------
    {
      id: "da.substance.overdose",
      category: "substance",
      severity: "high",
      patterns: ["overdos*", "for= mange= piller*|pillerne|tabletter*|sovepiller*|smertestillende"],
    },
    {
      id: "da.substance",
      category: "substance",
      severity: "medium",
      patterns: [
        `${JEG} ~3 tilbagefald*|tilbagefald !med`,
        `tilbagefald*|tilbagefald ~5 drik*|druk*|drikke|${SUBSTANCE}`,
        `drik*|druk*|drikke ~5 tilbagefald*|tilbagefald`,
        `${IKKE} stoppe*|holde_op|lade_vaere ~2 drikke|drik*|druk*|ryge_hash|tage_stoffer`,
        `druk*|drikk*|drikke ${MIG} fuld=|stiv=|ploer*|hegnet|ihjel|bevidstloes*|i_hegnet`,
        "druk*|drikk*|drikke hele= weekend*|natten|dagen|ugen|tiden|doegnet",
        "druk*|drikk*|drikke|drak= ~2 en= hel= flaske|kasse|karton",
        `druk*|drikk*|drikke|drak= ~8 kan= ${IKKE} stoppe|holde_op|lade_vaere !med`,
        `tag*=|tog=|bruge*|ryge*|ryger|sniffe* ~2 ${SUBSTANCE} ~1 igen=`,
        `begyndt|startet|begynder ~2 tage|ryge|sniffe|bruge ~1 ${SUBSTANCE}`,
        "ryg*|ryger hash|joints|pot=|skunk ~1 hele= dagen|tiden|dage",
        `er= ~1 paa= kokain|coke|stoffer|speed=|heroin|amfetamin*|piller`,
        `afhaengig*|afhangig* af= ${SUBSTANCE}|spil*|druk`,
        "alkoholproblem*|drukproblem*|misbrugsproblem*|stofproblem*|pilleproblem*",
        `${JEG} ~2 alkoholiker|alkoholikker|narkoman|misbruger|junkie`,
        "mit= misbrug*",
        "abstinenser*|abstinenssymptom*",
      ],
    },
    // ---------- acute psychiatric symptoms ----------
    {
      id: "da.psychiatric.command",
      category: "psychiatric",
      severity: "high",
      patterns: ["stemme*|stemmer|stemmerne ~3 siger|fortaeller|befaler|beordrer|kommanderer|beder|vil= ~3 skal=|skulle|at="],
    },
    {
      id: "da.psychiatric",
      category: "psychiatric",
      severity: "medium",
      patterns: [
        "hoer*|hor*|hore ~1 stemmer|stemme|stemmerne|stemer !fra|udefra|udenfor|ude|nede|oppe|hos|ovenpaa|nedenunder",
        "stemme*|stemmer i= mit=|mine=? hoved*|hovedet",
        "overvaag*|overvag*|aflytt*|spionere*|overvaager ~1 mig= ~3 gennem|igennem|via|med ~1 vaeg*|vaeggene|kamera*|mikrofon*|chip*|tv=|fjernsyn*|stikkontakt*|telefon*|satellit*",
        "nogen|naboerne|naboen|politiet|pet=|de= ~1 overvaager|overvager|aflytter|forfoelger|spionerer ~1 mig=",
        `${IKKE} sovet|sov= ~1 i= ~1 doegn|doegnet|naetter|dage`,
        `${JEG} ~3 psykos*|psykotisk*`,
        "er=|blevet|virker|bliver ~1 psykotisk*",
        "chip*|sender|implant* i= mit=|min=|mine= hoved*|hjerne*",
        "fjernsyn*|tv=|radio*|computer*|telefon* ~2 sender|taler|giver ~1 beskeder*|signaler*|budskab*|hemmelige ~2 til= mig=",
        "bange ~4 mist*|miste ~1 forstand*|forstanden|sindssyg*|skoer=",
        `${JEG} ~3 hallucin*`,
      ],
    },
  ],
  masks: [
    // idioms and hyperbole
    "doe*|doer|doede|do= ~1 af= grin*|latter*|skam*|kedsomhed|sult|nervoes*|spaending*|flovhed|pinlighed|varme*|kulde*|traethed|graad|misundelse",
    `ked* ${MIG} ihjel|til=`,
    `det=|den=|dette|de=|der= tag*=|tog= livet= af= ${MIG} !selv`,
    "kunne|ku= ~1 draeb*|myrde*|draebe for= ~2",
    "slaa*|slog= tiden= ihjel=",
    `skyd*|skoed=|skod= ${MIG}|sig= selv= i= foden`,
    `slaa*|slog=|slaaet ${MIG}|dig= ~2 i=|til= ${GAMES}`,
    `slaa*|slog= ${MIG} helt=? ud=`,
    "draeb*|dreb*|draebe ~1 min=|mit=|mine= motivation*|lyst|humoer|energi|selvtillid|droemme*|haab|gejst|kreativitet|sjael",
    // professional, training, news — and talk about other people
    `${GROUP} med=|om=|der=|som=|ramt=|udsat= ~3 ${TOPIC}`,
    `${CONTEXT} ~2 i=|om=|med=|paa=|indenfor|inden|omkring|mod=|for= ~3 ${TOPIC}`,
    "selvmordsforebyg*|voldsforebyg*|selvmordsforsk*|misbrugsbehandl*|misbrugscent*|selvmordsrisiko*",
    // explicit denials
    `${IKKE}|ingen=|aldrig= haft=|vaeret=? nogen=? selvmord*|selvskad*|selvmordstruet`,
    `${IKKE}|aldrig= ~2 goere|gore|slaa|draebe|skade ~1 ham=|hende|dem=|nogen|dig=|en_flue`,
  ],
};
