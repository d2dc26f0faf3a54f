// The 98 Danish municipalities (since the 2007 reform). Pure data. Coordinates are approximate
// (±1 km) for the main town / town hall, which is what the neighbour rule measures between.
// Aliases are the towns people name instead of the municipality ("Taastrup", "Rønne", "Hobro").
// Town names shared by several municipalities ("Nykøbing") are left out on purpose.

export type Region = "Hovedstaden" | "Sjælland" | "Syddanmark" | "Midtjylland" | "Nordjylland";

export interface MunicipalityDef {
  name: string;
  region: Region;
  lat: number;
  lon: number;
  aliases: readonly string[];
}

type Row = [name: string, lat: number, lon: number, aliases?: readonly string[]];

const HOVEDSTADEN: Row[] = [
  ["Albertslund", 55.657, 12.353],
  ["Allerød", 55.871, 12.357, ["Lillerød", "Blovstrød"]],
  ["Ballerup", 55.731, 12.363, ["Skovlunde", "Måløv"]],
  ["Bornholm", 55.1, 14.706, ["Rønne", "Nexø", "Aakirkeby", "Svaneke", "Allinge"]],
  ["Brøndby", 55.648, 12.419, ["Brøndby Strand", "Brøndbyvester", "Brøndbyøster"]],
  ["Dragør", 55.593, 12.672],
  ["Egedal", 55.768, 12.19, ["Stenløse", "Ølstykke", "Smørum"]],
  ["Fredensborg", 55.975, 12.404, ["Humlebæk", "Kokkedal", "Nivå"]],
  ["Frederiksberg", 55.679, 12.532],
  ["Frederikssund", 55.839, 12.069, ["Jægerspris", "Slangerup"]],
  ["Furesø", 55.808, 12.36, ["Farum", "Værløse"]],
  ["Gentofte", 55.75, 12.55, ["Hellerup", "Charlottenlund", "Ordrup", "Klampenborg"]],
  ["Gladsaxe", 55.732, 12.489, ["Søborg", "Bagsværd", "Buddinge"]],
  ["Glostrup", 55.666, 12.398],
  ["Gribskov", 56.022, 12.197, ["Helsinge", "Gilleleje", "Græsted"]],
  ["Halsnæs", 55.971, 12.022, ["Frederiksværk", "Hundested"]],
  ["Helsingør", 56.036, 12.613, ["Elsinore", "Espergærde", "Snekkersten", "Hornbæk"]],
  ["Herlev", 55.724, 12.439],
  ["Hillerød", 55.927, 12.301],
  ["Hvidovre", 55.642, 12.474],
  ["Høje-Taastrup", 55.652, 12.292, ["Taastrup", "Hedehusene"]],
  ["Hørsholm", 55.881, 12.501],
  ["Ishøj", 55.615, 12.352],
  ["København", 55.676, 12.568, ["Copenhagen", "Kbh", "Cph", "Kjøbenhavn", "Nørrebro", "Vesterbro", "Østerbro", "Valby", "Vanløse", "Brønshøj", "Bispebjerg", "Sydhavnen", "Ørestad", "Christianshavn", "Indre By"]],
  ["Lyngby-Taarbæk", 55.77, 12.503, ["Lyngby", "Kongens Lyngby", "Kgs Lyngby", "Taarbæk", "Virum"]],
  ["Rudersdal", 55.815, 12.47, ["Holte", "Birkerød", "Nærum", "Vedbæk"]],
  ["Rødovre", 55.681, 12.454],
  ["Tårnby", 55.63, 12.6, ["Kastrup"]],
  ["Vallensbæk", 55.623, 12.384],
];

const SJAELLAND: Row[] = [
  ["Faxe", 55.256, 12.119, ["Fakse", "Haslev"]],
  ["Greve", 55.583, 12.3, ["Greve Strand", "Karlslunde"]],
  ["Guldborgsund", 54.769, 11.874, ["Nykøbing Falster", "Nykøbing F", "Falster", "Stubbekøbing", "Sakskøbing"]],
  ["Holbæk", 55.717, 11.713],
  ["Kalundborg", 55.681, 11.089],
  ["Køge", 55.458, 12.182],
  ["Lejre", 55.604, 11.975, ["Hvalsø"]],
  ["Lolland", 54.776, 11.5, ["Maribo", "Nakskov", "Rødby"]],
  ["Næstved", 55.23, 11.761],
  ["Odsherred", 55.925, 11.671, ["Nykøbing Sjælland", "Nykøbing Sj", "Asnæs"]],
  ["Ringsted", 55.443, 11.79],
  ["Roskilde", 55.642, 12.08],
  ["Slagelse", 55.403, 11.354, ["Korsør", "Skælskør"]],
  ["Solrød", 55.533, 12.217, ["Solrød Strand"]],
  ["Sorø", 55.432, 11.556],
  ["Stevns", 55.31, 12.389, ["Store Heddinge"]],
  ["Vordingborg", 55.009, 11.91, ["Møn", "Stege"]],
];

const SYDDANMARK: Row[] = [
  ["Aabenraa", 55.044, 9.418, ["Åbenrå"]],
  ["Assens", 55.27, 9.9],
  ["Billund", 55.757, 8.927, ["Grindsted"]],
  ["Esbjerg", 55.476, 8.459, ["Ribe"]],
  ["Fanø", 55.444, 8.405, ["Nordby"]],
  ["Fredericia", 55.566, 9.752],
  ["Faaborg-Midtfyn", 55.238, 10.478, ["Faaborg", "Ringe"]],
  ["Haderslev", 55.249, 9.488, ["Vojens"]],
  ["Kerteminde", 55.449, 10.657],
  ["Kolding", 55.49, 9.472],
  ["Langeland", 54.937, 10.711, ["Rudkøbing"]],
  ["Middelfart", 55.506, 9.731],
  ["Nordfyns", 55.567, 10.089, ["Nordfyn", "Bogense", "Otterup", "Søndersø"]],
  ["Nyborg", 55.312, 10.79],
  ["Odense", 55.396, 10.389, ["Vollsmose"]],
  ["Svendborg", 55.06, 10.607],
  ["Sønderborg", 54.909, 9.792, ["Nordborg", "Augustenborg"]],
  ["Tønder", 54.934, 8.866],
  ["Varde", 55.621, 8.481],
  ["Vejen", 55.481, 9.138, ["Rødding", "Brørup"]],
  ["Vejle", 55.709, 9.536],
  ["Ærø", 54.888, 10.412, ["Ærøskøbing", "Marstal"]],
];

const MIDTJYLLAND: Row[] = [
  ["Favrskov", 56.266, 10.064, ["Hinnerup", "Hadsten"]],
  ["Hedensted", 55.771, 9.701, ["Juelsminde"]],
  ["Herning", 56.136, 8.977],
  ["Holstebro", 56.36, 8.616],
  ["Horsens", 55.861, 9.85],
  ["Ikast-Brande", 56.139, 9.158, ["Ikast", "Brande"]],
  ["Lemvig", 56.548, 8.31],
  ["Norddjurs", 56.416, 10.879, ["Grenaa", "Grenå"]],
  ["Odder", 55.973, 10.153],
  ["Randers", 56.461, 10.036],
  ["Ringkøbing-Skjern", 56.09, 8.244, ["Ringkøbing", "Skjern"]],
  ["Samsø", 55.833, 10.593, ["Tranebjerg"]],
  ["Silkeborg", 56.17, 9.545],
  ["Skanderborg", 56.034, 9.931],
  ["Skive", 56.567, 9.027],
  ["Struer", 56.491, 8.594],
  ["Syddjurs", 56.196, 10.682, ["Ebeltoft", "Rønde", "Hornslet"]],
  ["Viborg", 56.453, 9.402],
  ["Aarhus", 56.157, 10.211, ["Århus", "Brabrand", "Risskov", "Højbjerg", "Åbyhøj"]],
];

const NORDJYLLAND: Row[] = [
  ["Brønderslev", 57.27, 9.941],
  ["Frederikshavn", 57.441, 10.537, ["Skagen", "Sæby"]],
  ["Hjørring", 57.464, 9.982, ["Hirtshals"]],
  ["Jammerbugt", 57.162, 9.731, ["Aabybro", "Fjerritslev"]],
  ["Læsø", 57.256, 10.995, ["Byrum"]],
  ["Mariagerfjord", 56.643, 9.791, ["Hobro", "Mariager", "Hadsund"]],
  ["Morsø", 56.795, 8.86, ["Mors", "Nykøbing Mors", "Nykøbing M"]],
  ["Rebild", 56.886, 9.836, ["Støvring", "Skørping"]],
  ["Thisted", 56.957, 8.694, ["Thy"]],
  ["Vesthimmerland", 56.803, 9.517, ["Aars", "Års", "Farsø", "Løgstør"]],
  ["Aalborg", 57.048, 9.919, ["Ålborg", "Nørresundby"]],
];

function withRegion(region: Region, rows: Row[]): MunicipalityDef[] {
  return rows.map(([name, lat, lon, aliases = []]) => ({ name, region, lat, lon, aliases }));
}

export const MUNICIPALITIES: readonly MunicipalityDef[] = [
  ...withRegion("Hovedstaden", HOVEDSTADEN),
  ...withRegion("Sjælland", SJAELLAND),
  ...withRegion("Syddanmark", SYDDANMARK),
  ...withRegion("Midtjylland", MIDTJYLLAND),
  ...withRegion("Nordjylland", NORDJYLLAND),
];
