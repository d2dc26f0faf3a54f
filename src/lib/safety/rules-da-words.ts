// The Danish rules' vocabulary: word classes (folded, typo variants included) that the rules in
// rules-da.ts combine. Kept apart so a word can be added without reading the rules.
export const JEG = "jeg|jg=|jeh=|eg=";
export const MIG = "mig=|mg=|mej=";
export const IKKE = "ikke|ik=|ikk=|ikek=";
export const LEVE = "leve=|lev=|leve=|leven=";
// People a mentee may live with or be hurt by.
export const NAER =
  "han=|hun=|kaereste|kaeresten|ekskaereste|ekskaeresten|eks=|mand=|manden|kone=|konen=|partner|partneren|samlever|samleveren|" +
  "far=|faren=|fatter|mor=|moren=|stedfar|stedfaren|stedmor|bror=|broren|soen=|soennen|datter|datteren|onkel|onklen|" +
  "svigerfar|svigermor|fyr=|fyren=|kaerest*|ekskaerest*|stedfar*";
// Violence against a person (present, past and participle forms).
export const SLAG =
  "slaar|slog=|slaaet|banker|bankede|taesker|taeskede|taever|taevede|sparker|sparkede|kvaeler|kvalte|" +
  "skubber|skubbede|hiver|voldtog*|voldtag*|knalder|nikker|river|rev=|bider|bed=";
// People a threat can be aimed at; "min X" only with a person ("min computer" is not a threat).
const PEOPLE =
  "sagsbehandler*|chef*|nabo*|mentor*|kaerest*|ekskaerest*|mand=|manden|kone=|konen|far=|faren|mor=|moren|" +
  "bror=|broren|soester*|kollega*|kolleger*|leder*|vagt*|vagten|laerer*|eks=|udlejer*|familie*|foraeldre*|" +
  "konsulent*|raadgiver*|politi*|betjent*";
// The target of a threat, as two slots: an optional determiner, then a person or pronoun.
export const OTHER = "min=|mine=|den=|de=|hans=|hendes=? ham=|hende|dem=|dig=|jer=|alle*|nogen|folk=|" + PEOPLE;
export const INSTITUTION = "jobcent*|kommune*|raadhus*|kontor*|kontoret|huset|bygning*|lejlighed*|stedet|butik*|a_kasse*|akasse*";
// Groups of other people — mentions of them with a topic word are about others, not the writer.
export const GROUP =
  "unge=|borgere=|mennesker=|personer=|patienter=|klienter=|brugere=|beboere=|boern=|elever=|kvinder=|" +
  "maend=|familier=|paaroerende=|folk=|ofre=|indsatte=|anbragte=|udsatte=|misbrugere=|sindslidende=|" +
  "kvinde=|mand=|pige*|drenge*";
// Work, training, news and fiction — the topic is a subject, not an experience.
export const CONTEXT =
  "kursus=|kurser=|kurset=|speciale=|specialiseret=|uddannelse=|uddannet=|undervisning=|underviser=|" +
  "undervist=|efteruddannelse=|certificering=|erfaring*|arbejde=|arbejdet=|arbejder=|arbejdede=|job=|" +
  "jobbet=|stilling*|praktik*|frivillig*|ansat=|vikar*|behandler*|raadgiv*|projekt*|foredrag*|oplaeg*|" +
  "bachelor*|artikel*|artiklen=|dokumentar*|film=|filmen=|serie*|bog=|bogen=|podcast*|udsendelse*|" +
  "indslag*|nyhed*|avis*|bosted*";
export const TOPIC =
  "selvmord*|selvskad*|psykos*|psykotisk*|misbrug*|hashmisbrug*|alkoholmisbrug*|stofmisbrug*|vold*|" +
  "voldtaeg*|overgreb*|hjemloes*|afhaengig*|overdos*|krisecent*|stemmer=|tilbagefald*|alkohol*|" +
  "stoffer=|hoer*";
export const SUBSTANCE =
  "stoffer|stof=|kokain|coke|amfetamin*|speed=|heroin|ketamin|mdma|hash=|piller|pillerne|sovepiller|" + "smertestillende|alkohol*|spiritus|vodka|joints|skunk";
export const GAMES =
  "ludo|skak|kort=|fodbold|badminton|tennis|matador|uno=|fifa=|quiz*|bordtennis|spil*|yatzy|poker|pool=|padel|" +
  "dart=|bowling|kryds|trivial|wordfeud|golf=|squash|billard|backgammon|kamp*|finalen";
