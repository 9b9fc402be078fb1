//! ISO 3166-1 countries: alpha-3, alpha-2, the short name we display, and the ISO name.
//! Generated once from the ISO 3166-1 list (pycountry); display names shortened by hand
//! where the ISO form is not what readers say ("North Korea", not "Korea, Democratic ...").

use std::sync::LazyLock;

/// One line per country, sorted by alpha-3: `alpha3|alpha2|display name|ISO name` (the ISO name
/// left empty where it is the display name). One text rather than an array of string slices: in
/// the wasm, each slice is a pointer and a length the compressor cannot shrink (about 4 KB gzip).
const TABLE: &str = "\
ABW|AW|Aruba|\n\
AFG|AF|Afghanistan|\n\
AGO|AO|Angola|\n\
AIA|AI|Anguilla|\n\
ALA|AX|Åland Islands|\n\
ALB|AL|Albania|\n\
AND|AD|Andorra|\n\
ARE|AE|United Arab Emirates|\n\
ARG|AR|Argentina|\n\
ARM|AM|Armenia|\n\
ASM|AS|American Samoa|\n\
ATA|AQ|Antarctica|\n\
ATF|TF|French Southern Territories|\n\
ATG|AG|Antigua and Barbuda|\n\
AUS|AU|Australia|\n\
AUT|AT|Austria|\n\
AZE|AZ|Azerbaijan|\n\
BDI|BI|Burundi|\n\
BEL|BE|Belgium|\n\
BEN|BJ|Benin|\n\
BES|BQ|Caribbean Netherlands|Bonaire, Sint Eustatius and Saba\n\
BFA|BF|Burkina Faso|\n\
BGD|BD|Bangladesh|\n\
BGR|BG|Bulgaria|\n\
BHR|BH|Bahrain|\n\
BHS|BS|Bahamas|\n\
BIH|BA|Bosnia and Herzegovina|\n\
BLM|BL|Saint Barthélemy|\n\
BLR|BY|Belarus|\n\
BLZ|BZ|Belize|\n\
BMU|BM|Bermuda|\n\
BOL|BO|Bolivia|Bolivia, Plurinational State of\n\
BRA|BR|Brazil|\n\
BRB|BB|Barbados|\n\
BRN|BN|Brunei|Brunei Darussalam\n\
BTN|BT|Bhutan|\n\
BVT|BV|Bouvet Island|\n\
BWA|BW|Botswana|\n\
CAF|CF|Central African Republic|\n\
CAN|CA|Canada|\n\
CCK|CC|Cocos (Keeling) Islands|\n\
CHE|CH|Switzerland|\n\
CHL|CL|Chile|\n\
CHN|CN|China|\n\
CIV|CI|Côte d'Ivoire|\n\
CMR|CM|Cameroon|\n\
COD|CD|DR Congo|Congo, The Democratic Republic of the\n\
COG|CG|Congo|\n\
COK|CK|Cook Islands|\n\
COL|CO|Colombia|\n\
COM|KM|Comoros|\n\
CPV|CV|Cabo Verde|\n\
CRI|CR|Costa Rica|\n\
CUB|CU|Cuba|\n\
CUW|CW|Curaçao|\n\
CXR|CX|Christmas Island|\n\
CYM|KY|Cayman Islands|\n\
CYP|CY|Cyprus|\n\
CZE|CZ|Czechia|\n\
DEU|DE|Germany|\n\
DJI|DJ|Djibouti|\n\
DMA|DM|Dominica|\n\
DNK|DK|Denmark|\n\
DOM|DO|Dominican Republic|\n\
DZA|DZ|Algeria|\n\
ECU|EC|Ecuador|\n\
EGY|EG|Egypt|\n\
ERI|ER|Eritrea|\n\
ESH|EH|Western Sahara|\n\
ESP|ES|Spain|\n\
EST|EE|Estonia|\n\
ETH|ET|Ethiopia|\n\
FIN|FI|Finland|\n\
FJI|FJ|Fiji|\n\
FLK|FK|Falkland Islands|Falkland Islands (Malvinas)\n\
FRA|FR|France|\n\
FRO|FO|Faroe Islands|\n\
FSM|FM|Micronesia|Micronesia, Federated States of\n\
GAB|GA|Gabon|\n\
GBR|GB|United Kingdom|\n\
GEO|GE|Georgia|\n\
GGY|GG|Guernsey|\n\
GHA|GH|Ghana|\n\
GIB|GI|Gibraltar|\n\
GIN|GN|Guinea|\n\
GLP|GP|Guadeloupe|\n\
GMB|GM|Gambia|\n\
GNB|GW|Guinea-Bissau|\n\
GNQ|GQ|Equatorial Guinea|\n\
GRC|GR|Greece|\n\
GRD|GD|Grenada|\n\
GRL|GL|Greenland|\n\
GTM|GT|Guatemala|\n\
GUF|GF|French Guiana|\n\
GUM|GU|Guam|\n\
GUY|GY|Guyana|\n\
HKG|HK|Hong Kong|\n\
HMD|HM|Heard and McDonald Islands|Heard Island and McDonald Islands\n\
HND|HN|Honduras|\n\
HRV|HR|Croatia|\n\
HTI|HT|Haiti|\n\
HUN|HU|Hungary|\n\
IDN|ID|Indonesia|\n\
IMN|IM|Isle of Man|\n\
IND|IN|India|\n\
IOT|IO|British Indian Ocean Territory|\n\
IRL|IE|Ireland|\n\
IRN|IR|Iran|Iran, Islamic Republic of\n\
IRQ|IQ|Iraq|\n\
ISL|IS|Iceland|\n\
ISR|IL|Israel|\n\
ITA|IT|Italy|\n\
JAM|JM|Jamaica|\n\
JEY|JE|Jersey|\n\
JOR|JO|Jordan|\n\
JPN|JP|Japan|\n\
KAZ|KZ|Kazakhstan|\n\
KEN|KE|Kenya|\n\
KGZ|KG|Kyrgyzstan|\n\
KHM|KH|Cambodia|\n\
KIR|KI|Kiribati|\n\
KNA|KN|Saint Kitts and Nevis|\n\
KOR|KR|South Korea|Korea, Republic of\n\
KWT|KW|Kuwait|\n\
LAO|LA|Laos|Lao People's Democratic Republic\n\
LBN|LB|Lebanon|\n\
LBR|LR|Liberia|\n\
LBY|LY|Libya|\n\
LCA|LC|Saint Lucia|\n\
LIE|LI|Liechtenstein|\n\
LKA|LK|Sri Lanka|\n\
LSO|LS|Lesotho|\n\
LTU|LT|Lithuania|\n\
LUX|LU|Luxembourg|\n\
LVA|LV|Latvia|\n\
MAC|MO|Macao|\n\
MAF|MF|Saint Martin|Saint Martin (French part)\n\
MAR|MA|Morocco|\n\
MCO|MC|Monaco|\n\
MDA|MD|Moldova|Moldova, Republic of\n\
MDG|MG|Madagascar|\n\
MDV|MV|Maldives|\n\
MEX|MX|Mexico|\n\
MHL|MH|Marshall Islands|\n\
MKD|MK|North Macedonia|\n\
MLI|ML|Mali|\n\
MLT|MT|Malta|\n\
MMR|MM|Myanmar|\n\
MNE|ME|Montenegro|\n\
MNG|MN|Mongolia|\n\
MNP|MP|Northern Mariana Islands|\n\
MOZ|MZ|Mozambique|\n\
MRT|MR|Mauritania|\n\
MSR|MS|Montserrat|\n\
MTQ|MQ|Martinique|\n\
MUS|MU|Mauritius|\n\
MWI|MW|Malawi|\n\
MYS|MY|Malaysia|\n\
MYT|YT|Mayotte|\n\
NAM|NA|Namibia|\n\
NCL|NC|New Caledonia|\n\
NER|NE|Niger|\n\
NFK|NF|Norfolk Island|\n\
NGA|NG|Nigeria|\n\
NIC|NI|Nicaragua|\n\
NIU|NU|Niue|\n\
NLD|NL|Netherlands|\n\
NOR|NO|Norway|\n\
NPL|NP|Nepal|\n\
NRU|NR|Nauru|\n\
NZL|NZ|New Zealand|\n\
OMN|OM|Oman|\n\
PAK|PK|Pakistan|\n\
PAN|PA|Panama|\n\
PCN|PN|Pitcairn|\n\
PER|PE|Peru|\n\
PHL|PH|Philippines|\n\
PLW|PW|Palau|\n\
PNG|PG|Papua New Guinea|\n\
POL|PL|Poland|\n\
PRI|PR|Puerto Rico|\n\
PRK|KP|North Korea|Korea, Democratic People's Republic of\n\
PRT|PT|Portugal|\n\
PRY|PY|Paraguay|\n\
PSE|PS|Palestine|Palestine, State of\n\
PYF|PF|French Polynesia|\n\
QAT|QA|Qatar|\n\
REU|RE|Réunion|\n\
ROU|RO|Romania|\n\
RUS|RU|Russia|Russian Federation\n\
RWA|RW|Rwanda|\n\
SAU|SA|Saudi Arabia|\n\
SDN|SD|Sudan|\n\
SEN|SN|Senegal|\n\
SGP|SG|Singapore|\n\
SGS|GS|South Georgia and the South Sandwich Islands|\n\
SHN|SH|Saint Helena|Saint Helena, Ascension and Tristan da Cunha\n\
SJM|SJ|Svalbard and Jan Mayen|\n\
SLB|SB|Solomon Islands|\n\
SLE|SL|Sierra Leone|\n\
SLV|SV|El Salvador|\n\
SMR|SM|San Marino|\n\
SOM|SO|Somalia|\n\
SPM|PM|Saint Pierre and Miquelon|\n\
SRB|RS|Serbia|\n\
SSD|SS|South Sudan|\n\
STP|ST|Sao Tome and Principe|\n\
SUR|SR|Suriname|\n\
SVK|SK|Slovakia|\n\
SVN|SI|Slovenia|\n\
SWE|SE|Sweden|\n\
SWZ|SZ|Eswatini|\n\
SXM|SX|Sint Maarten|Sint Maarten (Dutch part)\n\
SYC|SC|Seychelles|\n\
SYR|SY|Syria|Syrian Arab Republic\n\
TCA|TC|Turks and Caicos Islands|\n\
TCD|TD|Chad|\n\
TGO|TG|Togo|\n\
THA|TH|Thailand|\n\
TJK|TJ|Tajikistan|\n\
TKL|TK|Tokelau|\n\
TKM|TM|Turkmenistan|\n\
TLS|TL|Timor-Leste|\n\
TON|TO|Tonga|\n\
TTO|TT|Trinidad and Tobago|\n\
TUN|TN|Tunisia|\n\
TUR|TR|Turkey|Türkiye\n\
TUV|TV|Tuvalu|\n\
TWN|TW|Taiwan|Taiwan, Province of China\n\
TZA|TZ|Tanzania|Tanzania, United Republic of\n\
UGA|UG|Uganda|\n\
UKR|UA|Ukraine|\n\
UMI|UM|US Minor Outlying Islands|United States Minor Outlying Islands\n\
URY|UY|Uruguay|\n\
USA|US|United States|\n\
UZB|UZ|Uzbekistan|\n\
VAT|VA|Vatican City|Holy See (Vatican City State)\n\
VCT|VC|Saint Vincent and the Grenadines|\n\
VEN|VE|Venezuela|Venezuela, Bolivarian Republic of\n\
VGB|VG|British Virgin Islands|Virgin Islands, British\n\
VIR|VI|US Virgin Islands|Virgin Islands, U.S.\n\
VNM|VN|Vietnam|Viet Nam\n\
VUT|VU|Vanuatu|\n\
WLF|WF|Wallis and Futuna|\n\
WSM|WS|Samoa|\n\
XXX||Unknown|\n\
YEM|YE|Yemen|\n\
ZAF|ZA|South Africa|\n\
ZMB|ZM|Zambia|\n\
ZWE|ZW|Zimbabwe|";

/// `(alpha3, alpha2, display name, ISO name)`, sorted by alpha-3 so lookups can bisect; read from
/// [`TABLE`] on first use.
pub(crate) static COUNTRIES: LazyLock<Vec<(&str, &str, &str, &str)>> = LazyLock::new(|| {
    TABLE
        .lines()
        .map(|line| {
            let mut f = line.split('|');
            let mut next = || f.next().unwrap_or("");
            let (a3, a2, name, iso) = (next(), next(), next(), next());
            (a3, a2, name, if iso.is_empty() { name } else { iso })
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::COUNTRIES;

    #[test]
    fn the_table_is_sorted_by_alpha3_and_every_line_complete() {
        assert_eq!(COUNTRIES.len(), 250);
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0), "sorted and unique by alpha-3");
        for (a3, a2, name, iso) in COUNTRIES.iter() {
            // XXX, the unknown country, alone has no alpha-2 code.
            assert!(a3.len() == 3 && (a2.len() == 2 || *a3 == "XXX") && !name.is_empty() && !iso.is_empty(), "{a3}");
        }
        assert_eq!(
            COUNTRIES.iter().find(|c| c.0 == "PRK").map(|c| (c.2, c.3)),
            Some(("North Korea", "Korea, Democratic People's Republic of"))
        );
    }
}
