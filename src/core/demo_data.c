/*
 * demo_data.c — the tables behind the demo database: real agencies of the
 * Executive Yuan (names as of 2024–2025), invented people, sample issues.
 */
#include "demo_data.h"

#define DEMO_LEN(a)	(sizeof(a) / sizeof((a)[0]))

const struct demo_agency demo_agencies[] = {
	{ "EY",		"行政院",			NULL,	1 },

	/* Second-level agencies (二級機關), in the order of DESIGN.md §1. */
	{ "MOI",	"內政部",			"EY",	2 },
	{ "MOFA",	"外交部",			"EY",	2 },
	{ "MND",	"國防部",			"EY",	2 },
	{ "MOF",	"財政部",			"EY",	2 },
	{ "MOE",	"教育部",			"EY",	2 },
	{ "MOJ",	"法務部",			"EY",	2 },
	{ "MOEA",	"經濟部",			"EY",	2 },
	{ "MOTC",	"交通部",			"EY",	2 },
	{ "MOL",	"勞動部",			"EY",	2 },
	{ "MOA",	"農業部",			"EY",	2 },
	{ "MOHW",	"衛生福利部",			"EY",	2 },
	{ "MOENV",	"環境部",			"EY",	2 },
	{ "MOC",	"文化部",			"EY",	2 },
	{ "MODA",	"數位發展部",			"EY",	2 },
	{ "MOS",	"運動部",			"EY",	2 },
	{ "NDC",	"國家發展委員會",		"EY",	2 },
	{ "NSTC",	"國家科學及技術委員會",		"EY",	2 },
	{ "MAC",	"大陸委員會",			"EY",	2 },
	{ "FSC",	"金融監督管理委員會",		"EY",	2 },
	{ "OAC",	"海洋委員會",			"EY",	2 },
	{ "OCAC",	"僑務委員會",			"EY",	2 },
	{ "VAC",	"國軍退除役官兵輔導委員會",	"EY",	2 },
	{ "CIP",	"原住民族委員會",		"EY",	2 },
	{ "HAC",	"客家委員會",			"EY",	2 },
	{ "PCC",	"行政院公共工程委員會",		"EY",	2 },
	{ "NUSC",	"核能安全委員會",		"EY",	2 },
	{ "DGBAS",	"行政院主計總處",		"EY",	2 },
	{ "DGPA",	"行政院人事行政總處",		"EY",	2 },
	{ "CBC",	"中央銀行",			"EY",	2 },
	{ "NPM",	"國立故宮博物院",		"EY",	2 },
	{ "CEC",	"中央選舉委員會",		"EY",	2 },
	{ "FTC",	"公平交易委員會",		"EY",	2 },
	{ "NCC",	"國家通訊傳播委員會",		"EY",	2 },

	/* Third-level agencies, grouped under their ministry. */
	{ "NPA",	"內政部警政署",			"MOI",	3 },
	{ "NFA",	"內政部消防署",			"MOI",	3 },
	{ "NIA",	"內政部移民署",			"MOI",	3 },
	{ "NLMA",	"內政部國土管理署",		"MOI",	3 },
	{ "NPS",	"內政部國家公園署",		"MOI",	3 },
	{ "BOCA",	"外交部領事事務局",		"MOFA",	3 },
	{ "AODMA",	"國防部全民防衛動員署",		"MND",	3 },
	{ "DOT",	"財政部賦稅署",			"MOF",	3 },
	{ "NTA",	"財政部國庫署",			"MOF",	3 },
	{ "CA",		"財政部關務署",			"MOF",	3 },
	{ "K12EA",	"教育部國民及學前教育署",	"MOE",	3 },
	{ "MJIB",	"法務部調查局",			"MOJ",	3 },
	{ "AOC",	"法務部矯正署",			"MOJ",	3 },
	{ "TIPO",	"經濟部智慧財產局",		"MOEA",	3 },
	{ "BSMI",	"經濟部標準檢驗局",		"MOEA",	3 },
	{ "WRA",	"經濟部水利署",			"MOEA",	3 },
	{ "IDA",	"經濟部產業發展署",		"MOEA",	3 },
	{ "CWA",	"交通部中央氣象署",		"MOTC",	3 },
	{ "TAA",	"交通部觀光署",			"MOTC",	3 },
	{ "THB",	"交通部公路局",			"MOTC",	3 },
	{ "CAA",	"交通部民用航空局",		"MOTC",	3 },
	{ "WDA",	"勞動部勞動力發展署",		"MOL",	3 },
	{ "OSHA",	"勞動部職業安全衛生署",		"MOL",	3 },
	{ "FANCA",	"農業部林業及自然保育署",	"MOA",	3 },
	{ "AFA",	"農業部農糧署",			"MOA",	3 },
	{ "FA",		"農業部漁業署",			"MOA",	3 },
	{ "APHIA",	"農業部動植物防疫檢疫署",	"MOA",	3 },
	{ "CDC",	"衛生福利部疾病管制署",		"MOHW",	3 },
	{ "TFDA",	"衛生福利部食品藥物管理署",	"MOHW",	3 },
	{ "NHIA",	"衛生福利部中央健康保險署",	"MOHW",	3 },
	{ "HPA",	"衛生福利部國民健康署",		"MOHW",	3 },
	{ "CCA",	"環境部氣候變遷署",		"MOENV", 3 },
	{ "RCA",	"環境部資源循環署",		"MOENV", 3 },
	{ "BOCH",	"文化部文化資產局",		"MOC",	3 },
	{ "BAMID",	"文化部影視及流行音樂產業局",	"MOC",	3 },
	{ "ADI",	"數位發展部數位產業署",		"MODA",	3 },
	{ "ACS",	"數位發展部資通安全署",		"MODA",	3 },
	{ "NAA",	"國家發展委員會檔案管理局",	"NDC",	3 },
	{ "HSP",	"國家科學及技術委員會新竹科學園區管理局", "NSTC", 3 },
	{ "CTSP",	"國家科學及技術委員會中部科學園區管理局", "NSTC", 3 },
	{ "STSP",	"國家科學及技術委員會南部科學園區管理局", "NSTC", 3 },
	{ "BOB",	"金融監督管理委員會銀行局",	"FSC",	3 },
	{ "SFB",	"金融監督管理委員會證券期貨局",	"FSC",	3 },
	{ "CGA",	"海洋委員會海巡署",		"OAC",	3 },
	{ "OCA",	"海洋委員會海洋保育署",		"OAC",	3 },

	/* Fourth-level agencies. */
	{ "CIB",	"內政部警政署刑事警察局",	"NPA",	4 },
	{ "NHPB",	"內政部警政署國道公路警察局",	"NPA",	4 },
	{ "APB",	"內政部警政署航空警察局",	"NPA",	4 },
};
const size_t demo_agencies_len = DEMO_LEN(demo_agencies);

const char *const demo_surnames[] = {
	"陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊",
	"許", "鄭", "謝", "郭", "洪", "曾", "邱", "廖", "賴", "周",
	"徐", "蘇", "葉", "莊", "呂", "江", "何", "蕭", "羅", "高",
	"潘", "簡", "朱", "鍾", "游", "彭", "詹", "胡", "施", "沈",
	"余", "盧", "梁", "趙", "顏", "柯", "翁", "魏",
};
const size_t demo_surnames_len = DEMO_LEN(demo_surnames);

const char *const demo_given[] = {
	"志明", "淑芬", "雅婷", "家豪", "怡君", "冠宇", "俊傑", "淑惠",
	"美玲", "建宏", "宗翰", "怡婷", "佳蓉", "承恩", "品妤", "柏翰",
	"詩涵", "彥廷", "宜蓁", "宇軒", "欣怡", "育誠", "雅雯", "文華",
	"志偉", "秀英", "惠雯", "家瑋", "佩珊", "俊宏", "信宏", "筱涵",
	"郁婷", "明哲", "嘉玲", "政達", "靜怡", "昱廷", "思妤", "冠廷",
	"宥辰", "慧君", "國華", "建志", "瑞芳", "心怡", "子豪", "柏宇",
	"芳瑜", "哲維", "婉婷", "威廷", "雅惠", "振宇", "珮瑜", "志豪",
	"美惠", "承翰", "家榮", "庭瑋", "玉珍", "宏志", "思穎", "博文",
	"淑娟", "昭宏", "麗華", "春美", "耀德", "明德", "姿穎", "書豪",
	"佳穎", "士傑", "立偉", "韋成", "琬婷", "欣妤", "凱翔", "宛臻",
};
const size_t demo_given_len = DEMO_LEN(demo_given);

const char *const demo_titles[] = {
	"科員", "專員", "視察", "技士", "技正", "科長", "專門委員",
	"簡任視察", "簡任技正", "研究員", "副研究員", "設計師", "分析師",
	"秘書", "參事", "副組長", "組長", "副處長", "處長", "副司長",
	"司長", "主任秘書", "資訊長", "副首長",
};
const size_t demo_titles_len = DEMO_LEN(demo_titles);

const struct demo_issue demo_issues[] = {
	{
		"公共場所無障礙設施資訊開放",
		"整合各部會與地方政府的無障礙設施資料，以開放資料格式"
		"公開，方便身心障礙者與照顧者事先規劃行程。",
		"MOHW", { "MOI", "MOTC", "MODA", NULL },
		DEMO_TRIGGER_STAKEHOLDERS | DEMO_TRIGGER_HEATED,
		"collaborating", "implementation",
	},
	{
		"再生能源設置之地方溝通機制",
		"太陽光電與離岸風電的設置牽涉農漁民、環保團體與在地居民，"
		"需在規劃初期建立資訊揭露與溝通機制。",
		"MOEA", { "MOA", "MOENV", "OAC", NULL },
		DEMO_TRIGGER_STAKEHOLDERS | DEMO_TRIGGER_DIVIDED |
		DEMO_TRIGGER_HEATED,
		"escalated", "planning",
	},
	{
		"校園午餐食材來源資訊公開",
		"公開各校午餐食材的產地與檢驗結果，讓家長查詢，"
		"並回饋在地農產品採購政策。",
		"MOE", { "MOA", "MOHW", NULL },
		DEMO_TRIGGER_HEATED,
		"resolved", "review",
	},
	{
		"外送平台從業人員勞動權益保障",
		"外送員的勞動關係認定、職業安全與保險涉及平台業者、"
		"工會與消費者，各方看法不一。",
		"MOL", { "MOTC", "MOEA", "FTC", NULL },
		DEMO_TRIGGER_STAKEHOLDERS | DEMO_TRIGGER_DIVIDED,
		"assessing", "planning",
	},
	{
		"政府資料開放平臺資料品質提升",
		"訂定資料集品質檢核項目與更新頻率，改善欄位說明與"
		"機器可讀格式。",
		"NDC", { "MODA", "DGBAS", NULL },
		0,
		"closed", "review",
	},
	{
		"詐騙防制跨部會資訊協作",
		"建立可疑帳戶、門號與網路廣告的跨機關通報流程，"
		"並以淺白語言向民眾說明防詐措施。",
		"MOI", { "NCC", "FSC", "MODA", NULL },
		DEMO_TRIGGER_STAKEHOLDERS | DEMO_TRIGGER_HEATED,
		"open", "drafting",
	},
	{
		"淨零轉型之公正轉型公民參與",
		"邀集受產業轉型影響的勞工、地方社區與青年參與討論，"
		"讓減碳路徑的規劃過程透明並涵容多元意見。",
		"MOENV", { "NDC", "MOEA", "MOL", NULL },
		DEMO_TRIGGER_STAKEHOLDERS | DEMO_TRIGGER_DIVIDED |
		DEMO_TRIGGER_HEATED,
		"collaborating", "drafting",
	},
	{
		"海洋廢棄物減量與淨灘資訊整合",
		"整合淨灘活動紀錄與海洋廢棄物監測資料，供民間團體"
		"與地方政府規劃減量行動。",
		"OAC", { "MOENV", "MOA", NULL },
		DEMO_TRIGGER_HEATED,
		"open", "implementation",
	},
};
const size_t demo_issues_len = DEMO_LEN(demo_issues);

const char *const demo_places[] = {
	"行政院第一會議室",
	"行政院第二會議室",
	"國家發展委員會大禮堂",
	"國家發展委員會第一會議室",
	"數位發展部第一會議室",
	"內政部大禮堂",
	"線上會議",
	"實體與線上併行",
};
const size_t demo_places_len = DEMO_LEN(demo_places);

/*
 * A year of the network's tracked cases (invented, in the manner of the
 * published records): Join proposals that passed 5,000 seconds, agency
 * proposals and a minister's office's. Two Join cases are overdue on the
 * demo's day (one answer, one first contact), one is extended.
 */
const struct demo_case demo_cases[] = {
	{ "機車停車格收費資訊公開", "MOTC", "MOI", "join", 11, 0, "closed",
	  3, 1, 0, "公開各縣市機車停車格位置與收費標準。",
	  { "已彙整各縣市停車資料。", "資料已於開放資料平臺公開。", NULL } },
	{ "長照服務據點即時查詢", "MOHW", "MODA", "join", 10, 0, "closed",
	  5, 1, 0, "提供長照據點與服務容量的即時查詢。",
	  { "與數位發展部研議介接方式。", "查詢服務上線。", NULL } },
	{ "校園周邊通學步道改善", "MOE", "MOTC", "agency", 9, 0, "response",
	  -1, 1, 0, "盤點校園周邊人行空間並改善。",
	  { "完成盤點 120 所學校。", "工作會議確認改善優先順序。", NULL } },
	{ "農產品產銷履歷資料開放", "MOA", NULL, "join", 3, 0, "collaboration",
	  4, 0, 1, "開放產銷履歷資料供民間加值運用。",
	  { "召開工作會議。", "會前會確認利害關係人名單。",
	    "協作會議訂於下月召開，已依規定公告延長回應期限。" } },
	{ "勞工退休金試算工具", "MOL", "FSC", "minister", 7, 0, "premeeting",
	  -1, 0, 0, "提供個人化勞工退休金試算。",
	  { "完成議題分析表初稿。", "會前會邀集勞團與雇主團體。", NULL } },
	{ "海岸垃圾熱點通報平臺", "OAC", "MOENV", "join", 3, 10, "working",
	  6, 0, 0, "建立民眾通報海岸垃圾熱點的平臺。",
	  { "已聯繫提案人說明辦理方式。", NULL, NULL } },
	{ "藝文補助審查結果公開", "MOC", NULL, "agency", 3, 0, "selected",
	  -1, 0, 0, "公開補助審查委員名單與評分。",
	  { "經聯絡人投票選定為本月議題。", NULL, NULL } },
	{ "公共運輸票證整合", "MOTC", "MODA", "join", 1, 20, "working",
	  5, 0, 0, "整合各縣市公共運輸票證與定期票。",
	  { "已與提案人電話聯繫。", NULL, NULL } },
	{ "空氣品質感測資料開放", "MOENV", NULL, "join", 0, 10, "proposed",
	  -1, 0, 0, "開放微型感測器原始資料。", { NULL, NULL, NULL } },
	{ "企業碳排放資訊揭露", "MOEA", "MOENV", "other", 0, 20, "proposed",
	  -1, 0, 0, "研議企業碳排放資訊揭露方式。", { NULL, NULL, NULL } },
};
const size_t demo_cases_len = DEMO_LEN(demo_cases);
