using System.Collections.Frozen;

namespace Parallax.Entities;

/// <summary>Gazetteers and word lists for <see cref="EntityRecognizer"/>, written by us. Matching is case-insensitive on whole spans.</summary>
internal static class EntityRules
{
    /// <summary>One country a line: <c>name|other names and demonyms|capital and major cities</c>. Every form maps to the
    /// country's name, so "Somali pirates" and "off Somalia" agree; cities keep their own key and add the country.</summary>
    private const string Countries = """
        Afghanistan|Afghan,Afghans|Kabul,Kandahar
        Albania|Albanian|Tirana
        Algeria|Algerian|Algiers
        Angola|Angolan|Luanda
        Argentina|Argentine,Argentinian|Buenos Aires
        Armenia|Armenian|Yerevan
        Australia|Australian,Australians|Canberra,Sydney,Melbourne,Perth,Brisbane
        Austria|Austrian|Vienna
        Azerbaijan|Azerbaijani|Baku
        Bahrain|Bahraini|Manama
        Bangladesh|Bangladeshi|Dhaka
        Belarus|Belarusian|Minsk
        Belgium|Belgian|Brussels
        Bolivia|Bolivian|La Paz
        Bosnia|Bosnian,Bosnia and Herzegovina|Sarajevo
        Brazil|Brazilian,Brazilians|Brasilia,Rio de Janeiro,Sao Paulo
        Bulgaria|Bulgarian|Sofia
        Cambodia|Cambodian|Phnom Penh
        Cameroon|Cameroonian|Yaounde
        Canada|Canadian,Canadians|Ottawa,Toronto,Montreal,Vancouver
        Chile|Chilean,Chileans|Santiago,Valparaiso
        China|Chinese,PRC|Beijing,Shanghai,Hong Kong
        Colombia|Colombian|Bogota
        Congo|Congolese,DRC,Democratic Republic of Congo|Kinshasa
        Croatia|Croatian|Zagreb
        Cuba|Cuban,Cubans|Havana
        Cyprus|Cypriot|Nicosia
        Czech Republic|Czech,Czechs|Prague
        Denmark|Danish,Dane,Danes|Copenhagen
        Ecuador|Ecuadorian|Quito
        Egypt|Egyptian,Egyptians|Cairo,Alexandria
        Eritrea|Eritrean|Asmara
        Estonia|Estonian|Tallinn
        Ethiopia|Ethiopian,Ethiopians|Addis Ababa
        Finland|Finnish,Finn,Finns|Helsinki
        France|French,Frenchman|Paris,Marseille,Lyon
        Georgia|Georgian|Tbilisi
        Germany|German,Germans|Berlin,Munich,Frankfurt,Hamburg
        Ghana|Ghanaian|Accra
        Greece|Greek,Greeks|Athens
        Guatemala|Guatemalan|Guatemala City
        Haiti|Haitian,Haitians|Port-au-Prince
        Hungary|Hungarian|Budapest
        Iceland|Icelandic|Reykjavik
        India|Indian,Indians|New Delhi,Delhi,Mumbai,Bombay,Kolkata,Chennai,Bangalore
        Indonesia|Indonesian,Indonesians|Jakarta,Bali,Sumatra,Java
        Iran|Iranian,Iranians,Persian|Tehran
        Iraq|Iraqi,Iraqis|Baghdad,Basra,Mosul
        Ireland|Irish|Dublin
        Israel|Israeli,Israelis|Jerusalem,Tel Aviv
        Italy|Italian,Italians|Rome,Milan,Naples,Turin
        Japan|Japanese|Tokyo,Osaka
        Jordan|Jordanian|Amman
        Kazakhstan|Kazakh|Astana,Almaty
        Kenya|Kenyan,Kenyans|Nairobi,Mombasa
        Kuwait|Kuwaiti|Kuwait City
        Lebanon|Lebanese|Beirut
        Liberia|Liberian|Monrovia
        Libya|Libyan,Libyans|Tripoli,Benghazi
        Lithuania|Lithuanian|Vilnius
        Malaysia|Malaysian,Malaysians|Kuala Lumpur
        Mexico|Mexican,Mexicans|Mexico City
        Morocco|Moroccan|Rabat,Casablanca
        Myanmar|Burma,Burmese|Naypyidaw,Yangon,Rangoon
        Nepal|Nepalese,Nepali|Kathmandu
        Netherlands|Dutch,Holland|Amsterdam,The Hague,Rotterdam
        New Zealand|New Zealander,Kiwi|Wellington,Auckland
        Nigeria|Nigerian,Nigerians|Abuja,Lagos
        North Korea|North Korean,North Koreans,DPRK|Pyongyang
        Norway|Norwegian|Oslo
        Oman|Omani|Muscat
        Pakistan|Pakistani,Pakistanis|Islamabad,Karachi,Lahore
        Palestine|Palestinian,Palestinians|Gaza,Ramallah,West Bank
        Peru|Peruvian|Lima
        Philippines|Philippine,Filipino,Filipinos|Manila
        Poland|Polish,Pole,Poles|Warsaw
        Portugal|Portuguese|Lisbon
        Qatar|Qatari|Doha
        Romania|Romanian|Bucharest
        Russia|Russian,Russians,Russian Federation|Moscow,St Petersburg
        Rwanda|Rwandan|Kigali
        Saudi Arabia|Saudi,Saudis|Riyadh,Jeddah,Mecca
        Senegal|Senegalese|Dakar
        Serbia|Serbian,Serb,Serbs|Belgrade
        Singapore|Singaporean|
        Somalia|Somali,Somalis,Somalian,Somalians,Puntland|Mogadishu
        South Africa|South African,South Africans|Pretoria,Johannesburg,Cape Town
        South Korea|South Korean,South Koreans,Korea,Korean|Seoul
        Spain|Spanish,Spaniard,Spaniards|Madrid,Barcelona
        Sri Lanka|Sri Lankan|Colombo
        Sudan|Sudanese|Khartoum,Darfur
        Sweden|Swedish,Swede,Swedes|Stockholm
        Switzerland|Swiss|Bern,Geneva,Zurich
        Syria|Syrian,Syrians|Damascus,Aleppo
        Taiwan|Taiwanese|Taipei
        Tanzania|Tanzanian|Dodoma,Dar es Salaam
        Thailand|Thai|Bangkok
        Tunisia|Tunisian|Tunis
        Turkey|Turkish,Turks,Turkiye|Ankara,Istanbul
        Uganda|Ugandan|Kampala
        Ukraine|Ukrainian,Ukrainians|Kyiv,Kiev,Odessa
        United Arab Emirates|UAE,Emirati|Abu Dhabi,Dubai
        United Kingdom|UK,U.K.,Britain,Great Britain,British,Briton,Britons,England,English,Scotland,Scottish,Wales,Welsh|London,Edinburgh,Manchester,Birmingham
        United States|US,U.S.,USA,U.S.A.,America,American,Americans|Washington,New York,Los Angeles,Chicago
        Uruguay|Uruguayan|Montevideo
        Venezuela|Venezuelan|Caracas
        Vietnam|Vietnamese|Hanoi,Ho Chi Minh City
        Yemen|Yemeni,Yemenis|Sanaa,Aden
        Zimbabwe|Zimbabwean|Harare
        """;

    /// <summary>Major organisations and agencies: <c>key|other names</c>.</summary>
    private const string Organisations = """
        United Nations|UN,U.N.,UN Security Council,Security Council,General Assembly
        NATO|North Atlantic Treaty Organization
        European Union|EU,E.U.,European Commission,European Parliament
        African Union|AU
        World Health Organization|WHO
        International Monetary Fund|IMF
        World Bank|
        World Trade Organization|WTO
        Red Cross|International Committee of the Red Cross,ICRC,Red Crescent
        UNICEF|
        UNHCR|UN refugee agency
        Interpol|
        OPEC|
        Federal Reserve|Fed
        FBI|Federal Bureau of Investigation
        CIA|Central Intelligence Agency
        NASA|
        Pentagon|Department of Defense
        White House|
        Congress|US Congress
        Senate|
        Supreme Court|
        Kremlin|
        Taliban|
        Al Qaeda|al-Qaeda,Al-Qaida
        Hamas|
        Hezbollah|
        Islamic State|ISIS,ISIL
        Reuters|
        Associated Press|AP
        Agence France-Presse|AFP
        BBC|
        CNN|
        US Geological Survey|USGS,Geological Survey
        Navy|
        Coast Guard|
        """;

    /// <summary>Titles before a name make it a person ("President Obama", "Gen. Petraeus").</summary>
    public static readonly FrozenSet<string> PersonTitles = new[]
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend", "father", "sister",
        "president", "vice", "premier", "chancellor", "minister", "secretary", "senator", "sen", "rep", "representative", "congressman",
        "congresswoman", "governor", "gov", "mayor", "judge", "justice", "king", "queen", "prince", "princess", "pope", "sheikh", "ayatollah",
        "gen", "general", "col", "colonel", "lt", "lieutenant", "capt", "captain", "cmdr", "commander", "admiral", "adm", "sgt", "sergeant",
        "officer", "detective", "chief", "coach", "director", "ambassador", "spokesman", "spokeswoman", "actor", "actress", "singer", "star",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Last words that make a span an organisation ("Genovese crime family" aside, these are reliable).</summary>
    public static readonly FrozenSet<string> OrganisationHeads = new[]
    {
        "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "group", "bank", "party", "ministry", "department", "agency",
        "council", "commission", "committee", "university", "college", "school", "hospital", "police", "army", "navy", "force", "forces",
        "court", "parliament", "assembly", "association", "union", "federation", "foundation", "institute", "organization", "organisation",
        "airlines", "airways", "network", "club", "team", "fc", "times", "post", "news", "office", "service", "authority", "board",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Lowercase words allowed inside a name span ("Bank of England", "Osama bin Laden").</summary>
    public static readonly FrozenSet<string> NameConnectors = new[] { "of", "de", "del", "da", "di", "du", "van", "von", "bin", "al", "el", "la", "le", "der", "and" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Capitalised words that start sentences or headlines without naming anything.</summary>
    public static readonly FrozenSet<string> NotNames = new[]
    {
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
        "in", "on", "at", "for", "from", "with", "by", "after", "before", "but", "and", "or", "if", "as", "when", "while", "there", "here",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "update", "breaking", "watch", "analysis",
        "photo", "video", "advertisement", "read", "more", "click", "share", "posted", "published", "updated", "copyright", "all", "some",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every gazetteer form (lowercase) → (kind, key); a city also carries its country's key.</summary>
    public static readonly FrozenDictionary<string, (EntityKind Kind, string Key, string? Country)> Gazetteer = BuildGazetteer();

    /// <summary>Longest gazetteer form, in words: span lookups try sub-spans up to this length.</summary>
    public static readonly int MaxGazetteerWords = Gazetteer.Keys.Max(k => k.Count(c => c == ' ') + 1);

    private static FrozenDictionary<string, (EntityKind, string, string?)> BuildGazetteer()
    {
        var map = new Dictionary<string, (EntityKind, string, string?)>(StringComparer.Ordinal);
        foreach (var line in Countries.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            var key = parts[0].ToLowerInvariant();
            map.TryAdd(key, (EntityKind.Place, key, key));
            foreach (var form in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                map.TryAdd(form.ToLowerInvariant(), (EntityKind.Place, key, key));
            }

            foreach (var city in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var c = city.ToLowerInvariant();
                map.TryAdd(c, (EntityKind.Place, c, key));
            }
        }

        foreach (var line in Organisations.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            var key = parts[0].ToLowerInvariant();
            map.TryAdd(key, (EntityKind.Organisation, key, null));
            foreach (var form in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                map.TryAdd(form.ToLowerInvariant(), (EntityKind.Organisation, key, null));
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
