#!/usr/bin/env python3
"""Generate the Italian stemmer test vocabulary.

Writes Tests/Fixtures/stemmer/italian-vocabulary.tsv: a header line ``word<TAB>stem`` and then
one distinct lowercased word per line with the stem the reference implementation gives it,
``snowballstemmer.stemmer('italian').stemWord(word)`` (PyPI package ``snowballstemmer``, generated
from Snowball; the fixture was made with version 3.1.1). Rows are sorted by code point, UTF-8.

Where the words come from:

1. A hand-written list of social-policy and administrative vocabulary (co-progettazione, terzo
   settore, cooperativa, comunità, partenariato, ...) expanded by rule: nouns and adjectives in
   both numbers and genders, derived forms (-zione, -mente, -ità, -ismo, -ista, -ibile, -abile,
   -evole, -oso, -ico, -logia, -anza, -enza, -amento, -imento, -atore, -atrice, -ivo, ...), and
   about 125 verbs of the three conjugations (-are, -ere, -ire with and without -isc-): each gets
   its infinitive, gerund, participles, present tense and one more simple tense, plus six forms
   with attached pronouns (-lo, -gli, -ne, -glielo, -sene, ...), the tenses and pronouns
   rotating along the list so that all of them occur.
2. Hand-written lists that exercise each part of the algorithm: acute accents, qu, u and i
   between vowels, -ch/-gh endings, -ia/-ie/-io, the "divan" exception and elided prefixes
   (dell', l', un', ...), irregular verb forms and function words.
3. The words of the seed case sheet (../shared/seeds/000_5b15b52b858ace5a.txt relative to the
   package) and of every .txt, .md, .html, .htm, .xhtml and .xml file under corpora/ when the
   script runs (tags stripped, entities decoded), plus the hyphenated compounds of those texts
   written without their hyphen (co-progettazione -> coprogettazione).

Usage (from the package root):  python3 scripts/make-stemmer-vocabulary.py
"""

import html
import importlib.metadata
import os
import re
import sys

import snowballstemmer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(os.path.dirname(ROOT), "shared", "seeds", "000_5b15b52b858ace5a.txt")
CORPORA = os.path.join(ROOT, "corpora")
# Plain-text corpus files; markup is stripped to its text. (.docx and .odt are zipped, skipped.)
TEXT_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".xhtml", ".xml")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "stemmer", "italian-vocabulary.tsv")

# --------------------------------------------------------------------------------------------
# Nouns and adjectives.

# Nouns/adjectives in -o (m. sg), inflected -o -a -i -e.
O_ADJ = """
attivo pubblico privato sociale? sanitario educativo formativo territoriale? comunitario
integrato innovativo sperimentale? collettivo associativo cooperativo partecipativo
amministrativo normativo economico finanziario contributo progetto servizio consorzio
soggetto ambito intervento percorso obiettivo risultato strumento accordo protocollo
territorio contesto rapporto rischio bisogno disagio sostegno utente? operatore? educatore?
anziano giovane? minore? straniero disabile? vulnerabile? fragile? povero ricco nuovo vecchio
primo secondo terzo quarto ultimo unico specifico generico tecnico politico pratico
organizzato coordinato condiviso diffuso coinvolto previsto richiesto proposto concesso
dedicato destinato rivolto finalizzato denominato individuato selezionato approvato
regionale? nazionale? locale? comunale? provinciale? distrettuale? zonale? istituzionale?
volontario solidale? mutualistico civico pubblicitario residenziale? domiciliare?
semiresidenziale? abitativo lavorativo occupazionale? scolastico familiare? culturale?
sportivo ricreativo psicologico pedagogico medico infermieristico assistenziale?
""".split()

NOUNS = """
comunità attività società città qualità modalità opportunità responsabilità possibilità
identità realtà necessità capacità priorità continuità fragilità vulnerabilità sostenibilità
accessibilità prossimità solidarietà disponibilità specificità progettualità territorialità
cooperativa cooperative cooperazione cooperatore associazione associazioni volontariato
partenariato partenariati partner rete reti settore settori terzo ente enti istituzione
istituzioni amministrazione amministrazioni comune comuni regione regioni provincia province
zona zone distretto distretti azienda aziende famiglia famiglie persona persone cittadino
cittadina cittadini cittadinanza cittadinanze povertà inclusione esclusione coesione
integrazione partecipazione progettazione programmazione coprogettazione coprogrammazione
valutazione monitoraggio rendicontazione convenzione convenzioni avviso avvisi bando bandi
istruttoria istruttorie procedura procedure delibera delibere determina determinazione
graduatoria finanziamento finanziamenti risorsa risorse spesa spese bilancio bilanci
budget fondo fondi costo costi tavolo tavoli incontro incontri riunione riunioni assemblea
assemblee workshop laboratorio laboratori sportello sportelli centro centri casa case
alloggio alloggi housing emergenza emergenze accoglienza accoglienze ospitalità
abitazione abitazioni lavoro lavori occupazione disoccupazione formazione istruzione
scuola scuole salute benessere assistenza cura cure prevenzione promozione protezione
tutela tutele diritto diritti dovere doveri legge leggi norma norme decreto decreti
regolamento regolamenti codice codici articolo articoli comma commi principio principi
sussidiarietà trasparenza pubblicità imparzialità efficacia efficienza economicità
competenza competenze conoscenza conoscenze esperienza esperienze presenza assenza
dipendenza dipendenze differenza differenze frequenza urgenza violenza violenze
adolescenza infanzia anzianità disabilità genitorialità maternità paternità affido affidi
adozione adozioni minore minori migrante migranti richiedente richiedenti rifugiato
rifugiati volontario volontari operatrice operatrici educatrice educatrici coordinatrice
coordinatrici mediatrice mediatrici facilitatore facilitatori facilitatrice animatore
animatori valutatore valutatori formatore formatori direttore direttori direttrice
presidente presidenti dirigente dirigenti funzionario funzionari responsabile responsabili
referente referenti assistente assistenti psicologo psicologi psicologa psicologhe
sociologo sociologi sociologia sociologie psicologia psicologie metodologia metodologie
tecnologia tecnologie ideologia ideologie tipologia tipologie ecologia antropologia
soluzione soluzioni istituzione contribuzione distribuzione attribuzione esecuzione
riduzione produzione introduzione costituzione restituzione sostituzione diffusione
conclusione inclusione esclusione espulsione confusione fusione illusione
bambino bambina bambini bambine ragazzo ragazza ragazzi ragazze donna donne uomo uomini
giovani anziani nucleo nuclei quartiere quartieri periferia periferie paese paesi
montagna montagne collina colline pianura area aree spazio spazi luogo luoghi dialogo
dialoghi catalogo cataloghi albergo alberghi banca banche amico amica amici amiche
tecnica tecniche pratica pratiche politica politiche logica logiche fabbrica fabbriche
ricerca ricerche verifica verifiche clinica cliniche bisogni fatica fatiche
farmacia farmacie energia energie strategia strategie economia economie autonomia
autonomie democrazia burocrazia burocrazie giustizia polizia notizia notizie
ufficio uffici esercizio esercizi inizio inizi giudizio giudizi pregiudizio pregiudizi
beneficio benefici edificio edifici sacrificio negozio negozi studio studi
socio soci stadio premio premi rimedio rimedi presidio presidi sussidio sussidi
""".split()

# Derivational chains: (stem, suffixes), each suffix appended to the stem.
DERIVATIONS = [
    ("attiv", "o a i e amente ità ismo ista isti iste azione azioni atore atori atrice "
              "are ato ata ati ate abile abili"),
    ("cooper", "are ativa ative ativo ativi azione azioni atore atori atrice atrici ativamente"),
    ("partecip", "are ativo ativa ativi ative azione azioni ante anti ativamente"),
    ("comunic", "are azione azioni ativo ativa ativi ative atore atori abile abilità"),
    ("organizz", "are azione azioni ativo ativa ativi ative atore atori atrice abile"),
    ("innov", "are azione azioni ativo ativa ativi ative atore atori atrice abile"),
    ("valut", "are azione azioni ativo ativa ativi ative atore atori atrice abile"),
    ("form", "are azione azioni ativo ativa ativi ative atore atori atrice abile ale ali"),
    ("inform", "are azione azioni ativo ativa ativi ative atore atori atrice ale ali ativamente"),
    ("integr", "are azione azioni ativo ativa ativi ative ato ata ati ate abile"),
    ("amministr", "are azione azioni ativo ativa ativi ative atore atori atrice ativamente"),
    ("educ", "are azione azioni ativo ativa ativi ative atore atori atrice atrici"),
    ("coordin", "are azione azioni ativo ativa ativi ative atore atori atrice atrici amento amenti"),
    ("produtt", "ivo iva ivi ive ività"),
    ("sensibil", "e i ità izzare izzazione izzazioni izzato izzata"),
    ("respons", "abile abili abilità abilmente abilizzare abilizzazione"),
    ("sosten", "ere ibile ibili ibilità ibilmente itore itori"),
    ("access", "o i ibile ibili ibilità ibilmente"),
    ("disponi", "bile bili bilità"),
    ("amichev", "ole oli olmente olezza"),
    ("favor", "evole evoli evolmente ire ito ita iti ite"),
    ("ragion", "evole evoli evolmente amento amenti are"),
    ("solidal", "e i mente"),
    ("solidar", "ietà istico istica istici istiche ismo"),
    ("volontar", "io ia i ie iato iati iamente istico istica"),
    ("assistenzial", "e i ismo ista isti iste istico istica"),
    ("social", "e i mente ità ismo ista isti iste izzare izzazione izzato"),
    ("comunitar", "io ia i ie ismo ista"),
    ("territorial", "e i ità ismo mente izzare izzazione"),
    ("istituzional", "e i izzare izzazione izzazioni izzato izzata ismo mente"),
    ("professional", "e i ità ismo ista mente izzare izzazione"),
    ("individual", "e i ità ismo ista mente izzare izzazione izzato"),
    ("personal", "e i ità ismo izzare izzazione izzato izzata mente"),
    ("nazional", "e i ità ismo ista isti iste"),
    ("real", "e i ismo ista isti iste istico istica istici istiche izzare izzazione"),
    ("specific", "o a i he ità amente are azione azioni"),
    ("pubblic", "o a i he amente are azione azioni ità itario itaria"),
    ("politic", "o a i he amente izzare izzazione"),
    ("econom", "ia ie ico ica ici iche icamente ista isti icità"),
    ("pratic", "o a i he amente abile abili abilità are"),
    ("tecn", "ico ica ici iche icamente icità ologia ologie ologico ologica"),
    ("autentic", "o a i he amente ità"),
    ("stor", "ia ie ico ica ici iche icamente icità iografia"),
    ("ver", "o a i e amente ità ifica ifiche ificare ificato ificabile"),
    ("util", "e i ità izzo izzare izzazione izzabile mente itarismo"),
    ("fless", "ibile ibili ibilità ibilmente"),
    ("possi", "bile bili bilità bilmente"),
    ("necessar", "io ia i ie iamente"),
    ("effettiv", "o a i e amente ità"),
    ("significativ", "o a i e amente"),
    ("relativ", "o a i e amente ità ismo"),
    ("posit", "ivo iva ivi ive ivamente ività ivismo"),
    ("negat", "ivo iva ivi ive ivamente ività"),
    ("qualitat", "ivo iva ivi ive ivamente"),
    ("quantitat", "ivo iva ivi ive ivamente"),
    ("operat", "ivo iva ivi ive ivamente ività ore ori rice"),
    ("numer", "o i oso osa osi ose osità osamente ico ica"),
    ("pericol", "o i oso osa osi ose osità osamente"),
    ("rigor", "e oso osa osi ose osità osamente"),
    ("virtu", "oso osa osi ose osismo"),
    ("laborios", "o a i e ità amente"),
    ("faticos", "o a i e amente"),
    ("prezios", "o a i e amente ità"),
    ("fam", "iglia iglie iliare iliari iliarità igliola"),
    ("legal", "e i ità mente izzare izzazione"),
    ("partner", "ship"),
    ("gestion", "e i ale ali"),
    ("gest", "ire ore ori ito ita iti ite ibile ibili"),
    ("mediaz", "ione ioni"),
    ("vigil", "anza anze ante anti are"),
    ("abbond", "anza anze ante anti are"),
    ("import", "anza anze ante anti are"),
    ("rilev", "anza anze ante anti are amento amenti"),
    ("govern", "ance ante anti are o i amento ativo ativa abilità"),
    ("accogli", "enza enze ente enti ere imento imenti"),
    ("coer", "enza enze ente enti entemente"),
    ("pertin", "enza enze ente enti"),
    ("trasparen", "za ze te ti temente"),
    ("conven", "zione zioni ire uto uta"),
    ("finanzi", "are amento amenti ario aria ari arie ato ata atore atori"),
    ("accompagn", "are amento amenti atore atori atrice ato ata"),
    ("inseri", "mento menti re to ta"),
    ("orienta", "mento menti re to ta tivo tiva"),
    ("affida", "mento menti re to ta tario taria"),
    ("svilupp", "o i are ato ata atore"),
    ("intervent", "o i istico istica ismo ista"),
]

# Verbs: regular, with the conjugation given by the infinitive ending. Verbs marked "*" are
# -ire verbs with the -isc- infix.
VERBS = """
progettare coprogettare programmare coprogrammare attivare organizzare coordinare gestire*
finanziare sostenere partecipare collaborare cooperare comunicare integrare valutare
monitorare rendicontare realizzare sviluppare migliorare promuovere accompagnare
orientare formare informare coinvolgere condividere costruire* favorire* garantire*
definire* individuare selezionare approvare presentare proporre erogare assegnare
destinare utilizzare impegnare affidare convenzionare concertare negoziare mediare
facilitare animare ascoltare accogliere ospitare aiutare supportare tutelare proteggere
prevenire* contrastare ridurre inserire* restituire* distribuire* contribuire* sostituire*
stabilire* fornire* preferire* agire* spedire* capire* pulire* unire* arricchire*
lavorare operare pensare parlare lottare cercare pagare spiegare giudicare verificare
certificare qualificare semplificare indicare pubblicare applicare praticare dedicare
collegare delegare impiegare obbligare allargare prolungare negare legare
cominciare incominciare avviare inviare studiare affiancare rinunciare annunciare
mangiare viaggiare incoraggiare festeggiare alloggiare appoggiare danneggiare
lasciare strisciare rinnovare recuperare ricevere credere vendere temere ripetere
godere battere cedere sedere premere esistere resistere insistere assistere
offrire servire aprire sentire seguire partire dormire coprire scoprire soffrire
consentire acconsentire investire vestire proseguire conseguire eseguire
""".split()

# A few irregular participles and remote pasts to use instead of regular ones.
IRREGULAR_PARTICIPLE = {
    "sostenere": "sostenut", "promuovere": "promoss", "coinvolgere": "coinvolt",
    "condividere": "condivis", "proporre": "propost", "accogliere": "accolt",
    "proteggere": "protett", "ridurre": "ridott", "offrire": "offert", "aprire": "apert",
    "coprire": "copert", "scoprire": "scopert", "soffrire": "soffert", "prevenire": "prevenut",
    "costruire": "costruit", "esistere": "esistit", "resistere": "resistit",
    "insistere": "insistit", "assistere": "assistit", "godere": "godut", "sedere": "sedut",
}
# Verbs whose stem is not "infinitive minus three letters" in some tenses: conjugated by hand.
SKIP_REGULAR = {"proporre", "ridurre", "sostenere", "promuovere", "coinvolgere",
                "condividere", "accogliere", "proteggere", "prevenire"}

HAND_FORMS = """
sostengo sostieni sostiene sosteniamo sostenete sostengono sosteneva sostenevano sosterrà
sosterranno sosterrebbe sosterrebbero sostenendo sostenuto sostenuta sostenuti sostenute
sostenne sostennero sostenga sostengano sostenesse sostenessero sostenerlo sostenerla
sostenerli sostenerle sostenendoli sostenendola sostenibilità sostenitore sostenitrice
propongo proponi propone proponiamo proponete propongono proponeva proponevano proporrà
proporranno proporrebbe proposto proposta proposti proposte propose proposero proponendo
proponente proponenti proporre proporlo proporla proporli proporsi proposizione
riduco riduce riduciamo riducono riduceva ridurrà ridurrebbe riducendo ridotto ridotta
ridotti ridotte ridusse ridussero ridurre ridurlo ridurla ridurne riduzione riduzioni
promuovo promuove promuoviamo promuovono promuoveva promuoverà promuovendo promosso promossa
promossi promosse promosse promossero promuovere promuoverlo promuoverla promuoverne promotore
promotrice promozione promozionale
coinvolgo coinvolge coinvolgiamo coinvolgono coinvolgeva coinvolgerà coinvolgendo coinvolto
coinvolta coinvolti coinvolte coinvolse coinvolsero coinvolgere coinvolgerli coinvolgerle
coinvolgendoli coinvolgimento coinvolgimenti
condivido condivide condividiamo condividono condivideva condividerà condividendo condiviso
condivisa condivisi condivise condivisero condividere condividerlo condividerne condivisione
accolgo accoglie accogliamo accolgono accoglieva accoglierà accogliendo accolto accolta
accolti accolte accolse accolsero accogliere accoglierli accoglierle accoglimento
proteggo protegge proteggiamo proteggono proteggeva proteggerà proteggendo protetto protetta
protetti protette protesse protessero proteggere proteggerli protezione protettivo
prevengo previene preveniamo prevengono preveniva preverrà prevenendo prevenuto prevenuta
prevenne prevenire prevenirli prevenzione preventivo preventiva preventivamente
sono sei è siamo siete era erano sarà saranno sarebbe sarebbero fu furono sia siano fosse
fossero stato stata stati state essere esserci esserne essendo essendoci
ho hai ha abbiamo avete hanno aveva avevano avrà avranno avrebbe avrebbero ebbe ebbero
abbia abbiano avesse avessero avuto avuta avere averne averlo avendo avendone
faccio fai fa facciamo fate fanno faceva facevano farà faranno farebbe farebbero fece
fecero faccia facciano facesse facessero fatto fatta fatti fatte fare farlo farla farne
farsi facendo facendolo facendone farglielo fargli
dico dice diciamo dicono diceva dicevano dirà diranno direbbe disse dissero detto detta
detti dette dire dirlo dirgli dirglielo dicendo dicendogli
vengo viene veniamo vengono veniva verrà verranno verrebbe venne vennero venuto venuta
venire venirne andare vado va andiamo vanno andava andrà andrebbe andato andata andarsene
andandosene andarci andandoci
posso può possiamo possono poteva potevano potrà potranno potrebbe potrebbero potuto potere
devo deve dobbiamo devono doveva dovevano dovrà dovranno dovrebbe dovrebbero dovuto dovere
voglio vuole vogliamo vogliono voleva vorrà vorrebbe vorrebbero voluto volere
so sa sappiamo sanno sapeva saprà saprebbe saputo sapere
do dà diamo danno dava darà darebbe diede dato data dati date dare darlo darne dargli
darglielo dandogli dandone
sto sta stiamo stanno stava starà starebbe stare stando
metto mette mettiamo mettono metteva metterà messo messa messi messe mettere metterlo
mettendo mettersi prendo prende prendiamo prendono prendeva prenderà preso presa presi
prese prendere prenderlo prendersene prendendo chiedo chiede chiediamo chiedono chiedeva
chiederà chiesto chiesta chiesti chieste chiedere chiedergli chiedendo richiedere
richiesto richiesta richieste richiedente rispondere risposto risposta risposte rispondendo
scrivere scritto scritta scritti scritte scrivendo leggere letto letta letti lette
leggendo vivere vissuto vissuta vivendo nascere nato nata nati nate nascendo
""".split()

# Function words, adverbs and other frequent forms.
FUNCTION_WORDS = """
il lo la i gli le un uno una di a da in con su per tra fra del dello della dei degli delle
al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle
sul sullo sulla sui sugli sulle e ed o od ma però anche ancora già non né se come quando
dove perché poiché affinché benché sebbene purché finché cioè ovvero oppure mentre dunque
quindi pertanto inoltre infatti tuttavia comunque sempre mai spesso talvolta molto poco
troppo tanto più meno bene male meglio peggio qui qua lì là sopra sotto dentro fuori
prima dopo durante presso verso circa oltre contro senza secondo mediante tramite
questo questa questi queste quello quella quelli quelle quel quei ciò chi che cui quale
quali quanto quanta quanti quante ogni ognuno ognuna ciascuno ciascuna qualche qualcuno
alcuni alcune nessuno nessuna tutto tutta tutti tutte altro altra altri altre stesso
stessa stessi stesse proprio propria propri proprie suo sua suoi sue loro mio mia miei
mie tuo tua tuoi tue nostro nostra nostri nostre vostro vostra vostri vostre
io tu lui lei noi voi esso essa essi esse me te sé ci vi si ne gli lo
""".split()

# Words chosen for a particular step of the algorithm.
ALGORITHM_WORDS = """
perché poiché affinché finché né sé cioé caffé ventitré trentatré
cittá attivitá virtú comunitá perció cosí giú piú societá lí
qualità qualificato qualificazione questione questioni questionario quota quote quotidiano
quotidianamente adeguato adeguata adeguati adeguatamente acquisire acquisito acquistare
acquisto acquisti equo equa equità iniquità conseguenza conseguenze frequente frequenza
frequentare frequentato eloquente quadro quadri quartiere quantità quasi quattro quindici
aiuto aiuti aiutare aiutato aiutando aiutandoli aiutarli gioia gioie noia noioso noiosa
guaio guai paio paia tuoi suoi buoi suoceri abbaiare abbaiava muoiono muoio cuoio cuoioso
paiolo ghiaia ghiaioso ghiaiosa maieutica aiuola aiuole fuori fuoriuscita ruolo ruoli
cuore cuori nuovo nuova nuovi nuove scuola scuole duomo luogo luoghi uovo uova vuoto vuota
laboratorio laboratori repertorio osservatorio osservatori consultorio consultori
banche tecniche amiche antiche pratiche politiche logiche etiche fabbriche verifiche
luoghi dialoghi cataloghi alberghi sociologhi psicologhe analoghe analoghi lunghe lunghi
larghe larghi obblighi funghi laghi maghi ghirlanda ghiotto chilometro chilometri chiesa
chiese chiave chiavi chiaro chiara chiaramente anche bianche bianchi
farmacia farmacie energia energie strategia strategie filosofia filosofie geografia
malattia malattie follia gelosia anagrafe anagrafica anagrafiche fiducia fiducie
camicia camicie valigia valigie specie serie carie progenie superficie superfici
servizio servizi ozio ozi pio zio zii fruscio brusio addio oblio desio
divano divani divanetto divanetti
comunismi meccanismi organismi turismi razzismi inclusioni esclusioni conclusioni illusioni
confusioni diffusioni vendi prendi rendi attendi spendi dipendi intendi
andar parlar lavorar cantar pensar sentir partir dormir finir servir
""".split()

ELISIONS = """
all'avviso all'interno all'ente d'intesa d'altronde d'accordo dall'ambito dall'anno
dell'avviso dell'ente dell'ambito dell'inclusione dell'associazione gl'interventi
l'avviso l'ente l'ambito l'associazione l'inclusione l'individuazione l'amministrazione
m'accorgo nell'ambito nell'area nell'anno quell'anno quell'area quest'anno quest'ultimo
quest'ultima s'intende sull'intervento sull'attività t'aiuto tutt'altro tutt'oggi
un'associazione un'attività un'azione un'esperienza v'era
l' d' un' dell' quest'
""".split()

# Pronouns attached to infinitives and gerunds (the infinitive loses its final -e).
CLITICS = ["lo", "la", "li", "le", "ne", "ci", "vi", "si", "mi", "ti", "gli", "glielo",
           "gliela", "glieli", "gliele", "gliene", "sene", "mela", "melo", "mene", "telo",
           "tene", "celo", "cene", "velo", "vene", "cela", "vela", "cele", "mele", "vele",
           "celi", "meli", "veli", "teli", "tele", "tela"]


def expand_o_adjective(word):
    """attivo -> attivo attiva attivi attive; sociale? -> sociale sociali."""
    if word.endswith("?"):
        base = word[:-1]
        return [base, base[:-1] + "i"]
    stem = word[:-1]
    forms = [stem + "o", stem + "a", stem + "i", stem + "e"]
    # -co/-go: plural feminine with h (pubbliche) and, for -ico, masculine -ci (pubblici).
    if stem.endswith(("c", "g")):
        forms[3] = stem + "he"
        forms.append(stem + "hi")
    if stem.endswith("i"):  # sanitario -> sanitari
        forms[2] = stem
    return forms


def hard_stem(stem, ending):
    """Orthography before e/i: -c/-g take h (comunic+erò -> comunicherò), -ci/-gi lose i."""
    if ending[:1] in ("e", "i", "è", "ì"):
        if stem.endswith(("c", "g")):
            return stem + "h" + ending
        if stem.endswith(("ci", "gi", "sci")) or (stem.endswith("i") and ending[:1] == "i"):
            return stem[:-1] + ending
    return stem + ending


ARE = {
    "present": ["o", "i", "a", "iamo", "ate", "ano"],
    "imperfect": ["avo", "avi", "ava", "avamo", "avate", "avano"],
    "remote": ["ai", "asti", "ò", "ammo", "aste", "arono"],
    "future": ["erò", "erai", "erà", "eremo", "erete", "eranno"],
    "conditional": ["erei", "eresti", "erebbe", "eremmo", "ereste", "erebbero"],
    "subjunctive": ["i", "iamo", "iate", "ino"],
    "past_subjunctive": ["assi", "asse", "assimo", "assero"],
    "other": ["are", "ando", "ante", "anti", "ato", "ata", "ati", "ate"],
}
ERE = {
    "present": ["o", "i", "e", "iamo", "ete", "ono"],
    "imperfect": ["evo", "evi", "eva", "evamo", "evate", "evano"],
    "remote": ["ei", "esti", "é", "emmo", "este", "erono"],
    "future": ["erò", "erai", "erà", "eremo", "erete", "eranno"],
    "conditional": ["erei", "eresti", "erebbe", "eremmo", "ereste", "erebbero"],
    "subjunctive": ["a", "iamo", "iate", "ano"],
    "past_subjunctive": ["essi", "esse", "essimo", "essero"],
    "other": ["ere", "endo", "ente", "enti", "uto", "uta", "uti", "ute"],
}
IRE = {
    "present": ["o", "i", "e", "iamo", "ite", "ono"],
    "imperfect": ["ivo", "ivi", "iva", "ivamo", "ivate", "ivano"],
    "remote": ["ii", "isti", "ì", "immo", "iste", "irono"],
    "future": ["irò", "irai", "irà", "iremo", "irete", "iranno"],
    "conditional": ["irei", "iresti", "irebbe", "iremmo", "ireste", "irebbero"],
    "subjunctive": ["a", "iamo", "iate", "ano"],
    "past_subjunctive": ["issi", "isse", "issimo", "issero"],
    "other": ["ire", "endo", "ente", "enti", "ito", "ita", "iti", "ite"],
}
ISC_PRESENT = ["isco", "isci", "isce", "iamo", "ite", "iscono"]
ISC_SUBJUNCTIVE = ["isca", "iamo", "iate", "iscano"]


ROTATING_TENSES = ["imperfect", "remote", "future", "conditional", "subjunctive",
                   "past_subjunctive"]


def conjugate(index, entry):
    """Forms of one regular verb. To keep the vocabulary a few thousand words, every verb gets
    its infinitive, gerund, participles and present tense, and then one more tense and six
    attached pronouns chosen by its position in the list, so that across the list every tense
    and every pronoun occurs many times."""
    isc = entry.endswith("*")
    verb = entry.rstrip("*")
    if verb in SKIP_REGULAR:
        return [verb]
    stem, ending = verb[:-3], verb[-3:]
    table = {"are": ARE, "ere": ERE, "ire": IRE}[ending]
    tenses = ["other", "present", ROTATING_TENSES[index % len(ROTATING_TENSES)]]
    forms = []
    for tense in tenses:
        endings = table[tense]
        if isc and tense == "present":
            endings = ISC_PRESENT
        if isc and tense == "subjunctive":
            endings = ISC_SUBJUNCTIVE
        for e in endings:
            if tense == "other" and verb in IRREGULAR_PARTICIPLE and e[:2] in ("ut", "it"):
                forms.append(IRREGULAR_PARTICIPLE[verb] + e[-1])
            elif ending == "are":
                # -c/-g take h before e/i (comunicherò), -ci/-gi lose i (comincerò).
                forms.append(hard_stem(stem, e))
            else:
                forms.append(stem + e)
    # Attached pronouns on the infinitive (attivarlo) and the gerund (attivandolo).
    gerund = stem + {"are": "ando", "ere": "endo", "ire": "endo"}[ending]
    for k in range(6):
        clitic = CLITICS[(index * 6 + k) % len(CLITICS)]
        forms.append(verb[:-1] + clitic if k % 2 == 0 else gerund + clitic)
    # Imperative with a pronoun and a few nouns made from the verb.
    second_plural = hard_stem(stem, table["present"][4]) if ending == "are" else stem + table["present"][4]
    forms.append(second_plural + ["lo", "ne", "li"][index % 3])
    if ending == "are":
        forms += [stem + "azione", stem + "amento", stem + "abile", stem + "atore"]
    elif ending == "ire":
        forms += [stem + "imento", stem + "ibile", stem + "itore"]
    return forms


def text_words(text):
    """Lowercased words of a text; hyphenated compounds also without their hyphen."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).lower()
    words = re.findall(r"[^\W\d_]+", text)
    words += [a + b for a, b in re.findall(r"([^\W\d_]+)-([^\W\d_]+)", text)]
    return words


def corpus_files():
    paths = [SEED] if os.path.exists(SEED) else []
    for folder, _, names in os.walk(CORPORA):
        paths += [os.path.join(folder, n) for n in names if n.endswith(TEXT_EXTENSIONS)]
    return sorted(paths)


def main():
    words = set()
    for entry in O_ADJ:
        words.update(expand_o_adjective(entry))
    words.update(NOUNS)
    for stem, suffixes in DERIVATIONS:
        words.update(stem + s for s in suffixes.split())
    for index, verb in enumerate(VERBS):
        words.update(conjugate(index, verb))
    words.update(HAND_FORMS)
    words.update(FUNCTION_WORDS)
    words.update(ALGORITHM_WORDS)
    words.update(ELISIONS)
    files = corpus_files()
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            words.update(text_words(f.read()))
    words = {w.lower() for w in words if w and "\t" not in w and "\n" not in w}

    stemmer = snowballstemmer.stemmer("italian")
    rows = sorted(words)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("word\tstem\n")
        for w in rows:
            f.write(f"{w}\t{stemmer.stemWord(w)}\n")
    version = importlib.metadata.version("snowballstemmer")
    print(f"{len(rows)} words from {len(files)} text file(s), snowballstemmer {version} -> {OUT}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
