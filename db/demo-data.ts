// The demo's world: the Center's yearly Mini-sajam and its smaller events, with social
// enterprises of the kind that exhibit in Kruševac (associations of persons with disabilities,
// cooperatives, small firms). Names are invented; places are real places in Kruševac.

export const DEMO_FAIR_VENUE = {
	venueName: 'Plato ispred Kulturnog centra',
	venueAddress: 'Trg kosovskih junaka',
	venueCity: 'Kruševac',
}

export const CENTER_VENUE = {
	venueName: 'Centar za socijalno preduzetništvo',
	venueAddress: 'Jugovićeva 17',
	venueCity: 'Kruševac',
}

export type DemoExhibitor = {
	name: string
	legalForm: 'entrepreneur' | 'llc' | 'cooperative' | 'social_cooperative' | 'association' | 'foundation' | 'disability_employment_company' | 'informal_group'
	category: 'food' | 'handicrafts' | 'textiles' | 'upcycling' | 'cosmetics' | 'plants' | 'services' | 'other'
	municipality: string
	description: string
}

/** About twenty organizations, as a Kruševac fair really has (12–25 exhibitors). */
export const DEMO_EXHIBITORS: DemoExhibitor[] = [
	{
		name: 'Udruženje osoba sa invaliditetom „Iskra”',
		legalForm: 'association',
		category: 'handicrafts',
		municipality: 'Kruševac',
		description: 'Ručno oslikana keramika i suveniri sa motivima Kruševca.',
	},
	{
		name: 'Zemljoradnička zadruga „Rasinski med”',
		legalForm: 'cooperative',
		category: 'food',
		municipality: 'Kruševac',
		description: 'Bagremov, livadski i šumski med sa Jastrepca.',
	},
	{
		name: 'Socijalna zadruga „Župski vez”',
		legalForm: 'social_cooperative',
		category: 'textiles',
		municipality: 'Aleksandrovac',
		description: 'Tradicionalni vez i tkani predmeti žena iz Župe.',
	},
	{
		name: 'Udruženje žena „Rasinke”',
		legalForm: 'association',
		category: 'food',
		municipality: 'Kruševac',
		description: 'Domaći slatko, ajvar i zimnica po recepturama naših baka.',
	},
	{
		name: 'Udruženje „Drugačiji zanati”',
		legalForm: 'association',
		category: 'upcycling',
		municipality: 'Kruševac',
		description: 'Torbe i nakit od recikliranih materijala.',
	},
	{
		name: 'Preduzeće za radno osposobljavanje „Napredak”',
		legalForm: 'disability_employment_company',
		category: 'services',
		municipality: 'Kruševac',
		description: 'Knjigovezački i štamparski poslovi, izrada pečata.',
	},
	{
		name: 'Udruženje gluvih i nagluvih Kruševca',
		legalForm: 'association',
		category: 'handicrafts',
		municipality: 'Kruševac',
		description: 'Drveni ukrasni predmeti i igračke.',
	},
	{
		name: 'Zadruga „Župsko grožđe”',
		legalForm: 'cooperative',
		category: 'food',
		municipality: 'Aleksandrovac',
		description: 'Sokovi od grožđa i sušeno voće iz Župe.',
	},
	{
		name: 'Udruženje „Zeleni Rasinski okrug”',
		legalForm: 'association',
		category: 'plants',
		municipality: 'Kruševac',
		description: 'Sadnice lekovitog bilja i začinskih trava.',
	},
	{
		name: 'Sapunarnica „Lavanda” (preduzetnica)',
		legalForm: 'entrepreneur',
		category: 'cosmetics',
		municipality: 'Trstenik',
		description: 'Prirodni sapuni i kreme od lekovitog bilja.',
	},
	{
		name: 'Udruženje roditelja dece sa smetnjama u razvoju „Osmeh”',
		legalForm: 'association',
		category: 'handicrafts',
		municipality: 'Kruševac',
		description: 'Čestitke, magneti i ukrasi iz radionica za decu.',
	},
	{
		name: 'Socijalna zadruga „Moravka”',
		legalForm: 'social_cooperative',
		category: 'food',
		municipality: 'Ćićevac',
		description: 'Domaći hleb, pite i kolači.',
	},
	{
		name: 'Udruženje Roma „Romano drom”',
		legalForm: 'association',
		category: 'upcycling',
		municipality: 'Kruševac',
		description: 'Nameštaj i predmeti od obnovljenog drveta.',
	},
	{
		name: 'Fondacija „Rasina za zajednicu”',
		legalForm: 'foundation',
		category: 'services',
		municipality: 'Kruševac',
		description: 'Obuke za nezaposlene i podrška mladima u zapošljavanju.',
	},
	{
		name: 'Neformalna grupa „Vunene priče”',
		legalForm: 'informal_group',
		category: 'textiles',
		municipality: 'Brus',
		description: 'Pletene čarape, džemperi i kape od domaće vune.',
	},
	{
		name: 'Udruženje penzionera „Aktivna starost”',
		legalForm: 'association',
		category: 'handicrafts',
		municipality: 'Varvarin',
		description: 'Heklani stolnjaci i predmeti od pruća.',
	},
	{
		name: 'Zadruga „Kopaonička borovnica”',
		legalForm: 'cooperative',
		category: 'food',
		municipality: 'Brus',
		description: 'Borovnice, sokovi i džemovi sa Kopaonika.',
	},
	{
		name: 'Radionica „Ruke koje stvaraju” doo',
		legalForm: 'llc',
		category: 'handicrafts',
		municipality: 'Kruševac',
		description: 'Kožna galanterija koju izrađuju osobe sa invaliditetom.',
	},
	{
		name: 'Udruženje „Eko Jastrebac”',
		legalForm: 'association',
		category: 'plants',
		municipality: 'Kruševac',
		description: 'Cveće i sadnice iz socijalnog rasadnika.',
	},
	{
		name: 'Udruženje „Mladi za Kruševac”',
		legalForm: 'association',
		category: 'other',
		municipality: 'Kruševac',
		description: 'Društvene igre i edukativni materijali koje prave mladi.',
	},
]
