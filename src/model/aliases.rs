//! The other names sources give states: Correlates of War codes (DCID) and the usual English
//! variants (DCID's short forms, CFR's and EuRepoC's spellings, common abbreviations).

/// Correlates of War state codes to ISO alpha-3, for the states in DCID and their neighbours.
const COW: &[(u16, &str)] = &[
    (2, "USA"), (20, "CAN"), (40, "CUB"), (70, "MEX"), (90, "GTM"), (100, "COL"), (101, "VEN"), (130, "ECU"),
    (135, "PER"), (140, "BRA"), (155, "CHL"), (160, "ARG"), (200, "GBR"), (205, "IRL"), (210, "NLD"),
    (211, "BEL"), (212, "LUX"), (220, "FRA"), (225, "CHE"), (230, "ESP"), (235, "PRT"), (255, "DEU"),
    (290, "POL"), (305, "AUT"), (310, "HUN"), (316, "CZE"), (317, "SVK"), (325, "ITA"), (339, "ALB"),
    (343, "MKD"), (344, "HRV"), (345, "SRB"), (350, "GRC"), (352, "CYP"), (355, "BGR"), (359, "MDA"),
    (360, "ROU"), (365, "RUS"), (366, "EST"), (367, "LVA"), (368, "LTU"), (369, "UKR"), (370, "BLR"),
    (371, "ARM"), (372, "GEO"), (373, "AZE"), (375, "FIN"), (380, "SWE"), (385, "NOR"), (390, "DNK"),
    (395, "ISL"), (475, "NGA"), (560, "ZAF"), (600, "MAR"), (615, "DZA"), (616, "TUN"), (620, "LBY"),
    (625, "SDN"), (630, "IRN"), (640, "TUR"), (645, "IRQ"), (651, "EGY"), (652, "SYR"), (660, "LBN"),
    (663, "JOR"), (666, "ISR"), (670, "SAU"), (679, "YEM"), (690, "KWT"), (692, "BHR"), (694, "QAT"),
    (696, "ARE"), (698, "OMN"), (700, "AFG"), (701, "TKM"), (702, "TJK"), (703, "KGZ"), (704, "UZB"),
    (705, "KAZ"), (710, "CHN"), (712, "MNG"), (713, "TWN"), (731, "PRK"), (732, "KOR"), (740, "JPN"),
    (750, "IND"), (760, "BTN"), (770, "PAK"), (771, "BGD"), (775, "MMR"), (780, "LKA"), (790, "NPL"),
    (800, "THA"), (811, "KHM"), (812, "LAO"), (816, "VNM"), (820, "MYS"), (830, "SGP"), (840, "PHL"),
    (850, "IDN"), (900, "AUS"), (920, "NZL"),
];

/// Name variants (compared ignoring case) to ISO alpha-3.
const NAMES: &[(&str, &str)] = &[
    ("DPRK", "PRK"), ("N Korea", "PRK"), ("N. Korea", "PRK"), ("Korea, North", "PRK"), ("North Korean", "PRK"),
    ("Democratic People's Republic of Korea", "PRK"), ("Korea DPR", "PRK"),
    ("ROK", "KOR"), ("S Korea", "KOR"), ("S. Korea", "KOR"), ("Korea, South", "KOR"), ("Republic of Korea", "KOR"),
    ("Korea", "KOR"),
    ("US", "USA"), ("U.S.", "USA"), ("U.S.A.", "USA"), ("United States of America", "USA"), ("America", "USA"),
    ("UK", "GBR"), ("U.K.", "GBR"), ("Great Britain", "GBR"), ("Britain", "GBR"),
    ("Russian Federation", "RUS"), ("USSR", "RUS"),
    ("Iran, Islamic Republic of", "IRN"), ("Islamic Republic of Iran", "IRN"),
    ("PRC", "CHN"), ("People's Republic of China", "CHN"), ("Mainland China", "CHN"),
    ("Taiwan, Province of China", "TWN"), ("Republic of China", "TWN"), ("Chinese Taipei", "TWN"),
    ("Viet Nam", "VNM"), ("Syrian Arab Republic", "SYR"), ("UAE", "ARE"), ("KSA", "SAU"),
    ("Czech Republic", "CZE"), ("Holland", "NLD"), ("Turkiye", "TUR"), ("Türkiye", "TUR"),
];

pub(super) fn cow(code: u16) -> Option<&'static str> {
    COW.iter().find(|(c, _)| *c == code).map(|(_, iso)| *iso)
}

pub(super) fn alias(name: &str) -> Option<&'static str> {
    NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, iso)| *iso)
}
