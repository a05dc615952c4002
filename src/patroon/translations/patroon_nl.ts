<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../gui/accessibility.py" line="163"/>
        <source>More</source>
        <translation>Meer</translation>
    </message>
</context>
<context>
    <name>AddButtonItem</name>
    <message>
        <location filename="../gui/add_button.py" line="43"/>
        <source>Add a step after this one (Insert)</source>
        <translation>Stap hierna toevoegen (Insert)</translation>
    </message>
</context>
<context>
    <name>ArrowItem</name>
    <message>
        <location filename="../gui/canvas.py" line="206"/>
        <source>Double-click to add a breakthrough on this arrow</source>
        <translation>Dubbelklik om een doorbraak op deze pijl te zetten</translation>
    </message>
</context>
<context>
    <name>BreakthroughPrompt</name>
    <message>
        <location filename="../gui/present_prompt.py" line="55"/>
        <source>Breakthrough</source>
        <translation>Doorbraak</translation>
    </message>
    <message>
        <location filename="../gui/present_prompt.py" line="98"/>
        <source>Breakthrough on the arrow from step %1 to step %2:</source>
        <translation>Doorbraak op de pijl van stap %1 naar stap %2:</translation>
    </message>
    <message>
        <location filename="../gui/present_prompt.py" line="106"/>
        <source>Enter: add   ·   Esc: cancel   ·   Up/Down: another arrow   ·   empty: remove</source>
        <translation>Enter: toevoegen   ·   Esc: annuleren   ·   Omhoog/omlaag: andere pijl   ·   leeg: verwijderen</translation>
    </message>
    <message>
        <location filename="../gui/present_prompt.py" line="135"/>
        <source>Add breakthrough</source>
        <translation>Doorbraak toevoegen</translation>
    </message>
</context>
<context>
    <name>DocumentFiles</name>
    <message>
        <location filename="../gui/files.py" line="282"/>
        <source>you are not allowed to write in this folder</source>
        <translation>je hebt geen toestemming om in deze map te schrijven</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="283"/>
        <source>the system does not allow writing this file</source>
        <translation>het systeem staat niet toe dat dit bestand wordt geschreven</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="284"/>
        <source>the disk or folder is read-only</source>
        <translation>de schijf of map is alleen-lezen</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="285"/>
        <source>the disk is full</source>
        <translation>de schijf is vol</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="286"/>
        <source>the folder does not exist (any more)</source>
        <translation>de map bestaat niet (meer)</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="311"/>
        <source>unknown error</source>
        <translation>onbekende fout</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="383"/>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="384"/>
        <source>‘%1’ has changes that are not saved. Save them first?</source>
        <translation>‘%1’ heeft wijzigingen die niet zijn opgeslagen. Eerst opslaan?</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="387"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="387"/>
        <source>Don’t save</source>
        <translation>Niet opslaan</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="387"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="443"/>
        <source>Opened %1</source>
        <translation>%1 geopend</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/files.py" line="473"/>
        <source>%n step(s) made from the list in %1</source>
        <translation>
            <numerusform>%n stap gemaakt van de lijst in %1</numerusform>
            <numerusform>%n stappen gemaakt van de lijst in %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="479"/>
        <source>Cannot open file</source>
        <translation>Bestand kan niet worden geopend</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="480"/>
        <source>‘%1’ is not a pattern Patroon can open.</source>
        <translation>‘%1’ is geen patroon dat Patroon kan openen.</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="509"/>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="510"/>
        <source>The pattern could not be saved to ‘%1’.</source>
        <translation>Het patroon kon niet worden opgeslagen in ‘%1’.</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="512"/>
        <source>Reason: %1

The file on disk is unchanged and your changes are still here. Choose another folder with “Save as…”.</source>
        <translation>Reden: %1

Het bestand op schijf is onveranderd en je wijzigingen staan er nog. Kies een andere map met “Opslaan als…”.</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="514"/>
        <source>Not saved: %1</source>
        <translation>Niet opgeslagen: %1</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="522"/>
        <source>Saved to %1</source>
        <translation>Opgeslagen in %1</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="563"/>
        <source>File removed</source>
        <translation>Bestand verdwenen</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="564"/>
        <source>‘%1’ was removed or renamed by another program. Save to keep the pattern.</source>
        <translation>‘%1’ is door een ander programma verwijderd of hernoemd. Sla op om het patroon te bewaren.</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="569"/>
        <source>File changed on disk</source>
        <translation>Bestand op schijf gewijzigd</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="570"/>
        <source>‘%1’ was changed by another program.</source>
        <translation>‘%1’ is door een ander programma gewijzigd.</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="573"/>
        <source>Load the version on disk</source>
        <translation>Versie op schijf laden</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="573"/>
        <source>Keep my version</source>
        <translation>Mijn versie houden</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="574"/>
        <source>Your unsaved changes would be lost if you load the version on disk.</source>
        <translation>Als je de versie op schijf laadt, gaan je niet-opgeslagen wijzigingen verloren.</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="609"/>
        <source>Could not write the recovery copy: %1</source>
        <translation>De herstelkopie kon niet worden geschreven: %1</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="637"/>
        <source>Restore unsaved work</source>
        <translation>Niet-opgeslagen werk terugzetten</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="638"/>
        <source>Patroon was not closed properly. There is a recovery copy of %1 from %2. Restore it?</source>
        <translation>Patroon is niet goed afgesloten. Er is een herstelkopie van %1 van %2. Wil je die terugzetten?</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="642"/>
        <source>Restore</source>
        <translation>Terugzetten</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="642"/>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="643"/>
        <source>Folder: %1</source>
        <translation>Map: %1</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="671"/>
        <source>Restore unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen terugzetten</translation>
    </message>
    <message>
        <location filename="../gui/files.py" line="712"/>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
</context>
<context>
    <name>Drafting</name>
    <message>
        <location filename="../gui/drafting.py" line="38"/>
        <source>Nothing to paste: the clipboard holds no text.</source>
        <translation>Niets om te plakken: er staat geen tekst op het klembord.</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <location filename="../gui/editing.py" line="25"/>
        <location filename="../gui/editing.py" line="100"/>
        <source>Add step</source>
        <translation>Stap toevoegen</translation>
    </message>
    <message>
        <location filename="../gui/editing.py" line="53"/>
        <source>Delete step</source>
        <translation>Stap verwijderen</translation>
    </message>
    <message>
        <location filename="../gui/editing.py" line="64"/>
        <source>Move step earlier</source>
        <translation>Stap naar voren</translation>
    </message>
    <message>
        <location filename="../gui/editing.py" line="64"/>
        <source>Move step later</source>
        <translation>Stap naar achteren</translation>
    </message>
    <message>
        <location filename="../gui/editing.py" line="75"/>
        <source>Move step</source>
        <translation>Stap verplaatsen</translation>
    </message>
    <message>
        <location filename="../gui/editing.py" line="82"/>
        <source>Nudge step</source>
        <translation>Stap verschuiven</translation>
    </message>
    <message>
        <location filename="../gui/editing.py" line="100"/>
        <source>Edit step text</source>
        <translation>Staptekst bewerken</translation>
    </message>
    <message>
        <location filename="../gui/editing.py" line="116"/>
        <source>Paste steps</source>
        <translation>Stappen plakken</translation>
    </message>
    <message>
        <location filename="../gui/editing.py" line="126"/>
        <source>Edit title</source>
        <translation>Titel bewerken</translation>
    </message>
    <message>
        <location filename="../gui/editing.py" line="146"/>
        <source>Remove breakthrough</source>
        <translation>Doorbraak verwijderen</translation>
    </message>
    <message>
        <location filename="../gui/editing.py" line="147"/>
        <source>Edit breakthrough</source>
        <translation>Doorbraak bewerken</translation>
    </message>
    <message>
        <location filename="../gui/editing.py" line="147"/>
        <source>Add breakthrough</source>
        <translation>Doorbraak toevoegen</translation>
    </message>
    <message>
        <location filename="../gui/editing.py" line="164"/>
        <source>Reset layout</source>
        <translation>Indeling herstellen</translation>
    </message>
</context>
<context>
    <name>EditorMenus</name>
    <message>
        <location filename="../gui/menus.py" line="83"/>
        <source>&amp;New</source>
        <translation>&amp;Nieuw</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="83"/>
        <source>Start a new pattern</source>
        <translation>Begin een nieuw patroon</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="84"/>
        <source>&amp;Open…</source>
        <translation>&amp;Openen…</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="84"/>
        <source>Open a pattern file</source>
        <translation>Open een patroonbestand</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="85"/>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="85"/>
        <source>Save the pattern</source>
        <translation>Sla het patroon op</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="86"/>
        <source>Save &amp;as…</source>
        <translation>Opslaan &amp;als…</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="87"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="88"/>
        <source>Export as PDF, SVG or PNG</source>
        <translation>Exporteer als PDF, SVG of PNG</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="89"/>
        <source>&amp;Print…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="90"/>
        <source>Print with preview</source>
        <translation>Afdrukken met voorbeeld</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="91"/>
        <source>&amp;Quit</source>
        <translation>Af&amp;sluiten</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="94"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="97"/>
        <source>&amp;Redo</source>
        <translation>Opnie&amp;uw</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="108"/>
        <source>&amp;Paste list as steps</source>
        <translation>Lijst als stappen &amp;plakken</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="109"/>
        <source>Paste a list: one step per line, after the selected step</source>
        <translation>Plak een lijst: elke regel wordt een stap, na de gekozen stap</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="110"/>
        <source>&amp;Edit step text</source>
        <translation>Tekst van stap &amp;bewerken</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="110"/>
        <source>Edit the text of the selected step</source>
        <translation>Bewerk de tekst van de gekozen stap</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="111"/>
        <source>&amp;Add step after</source>
        <translation>Stap &amp;toevoegen</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="111"/>
        <source>Add a step after the selected one</source>
        <translation>Voeg een stap toe na de gekozen stap</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="112"/>
        <source>&amp;Delete step</source>
        <translation>Stap &amp;verwijderen</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="112"/>
        <source>Delete the selected step; the circle closes</source>
        <translation>Verwijder de gekozen stap; de cirkel sluit zich</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="113"/>
        <source>Move step &amp;earlier</source>
        <translation>Stap naar &amp;voren</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="114"/>
        <source>Move step &amp;later</source>
        <translation>Stap naar &amp;achteren</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="115"/>
        <source>&amp;Breakthrough on arrow…</source>
        <translation>Door&amp;braak op pijl…</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="116"/>
        <source>Add or edit the breakthrough on the arrow leaving the selected step</source>
        <translation>Zet of bewerk de doorbraak op de pijl na de gekozen stap</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="117"/>
        <source>&amp;Remove breakthrough</source>
        <translation>Doorbraak ve&amp;rwijderen</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="118"/>
        <source>Edit &amp;title</source>
        <translation>&amp;Titel bewerken</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="118"/>
        <source>Edit the title in the centre</source>
        <translation>Bewerk de titel in het midden</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="119"/>
        <source>&amp;Reset layout</source>
        <translation>Indeling &amp;herstellen</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="120"/>
        <source>Put every box back in its place on the circle</source>
        <translation>Zet elk vak terug op zijn plaats op de cirkel</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="121"/>
        <source>&amp;Copy diagram as image</source>
        <translation>Diagram &amp;kopiëren als afbeelding</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="122"/>
        <source>Copy the diagram to the clipboard, for slides</source>
        <translation>Kopieer het diagram naar het klembord, voor dia’s</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="124"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Inzoomen</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="125"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Uitzoomen</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="126"/>
        <source>&amp;Fit to window</source>
        <translation>&amp;Passend in venster</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="127"/>
        <source>&amp;Present</source>
        <translation>&amp;Presenteren</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="128"/>
        <source>Show the pattern full screen for the room</source>
        <translation>Toon het patroon schermvullend aan de zaal</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="129"/>
        <source>&amp;Guide</source>
        <translation>&amp;Handleiding</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="130"/>
        <source>A short guide: drafting, presenting, printing, the file</source>
        <translation>Een korte handleiding: opstellen, presenteren, afdrukken, het bestand</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="131"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="132"/>
        <source>&amp;About Patroon</source>
        <translation>&amp;Over Patroon</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="138"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="140"/>
        <source>E&amp;xamples</source>
        <translation>&amp;Voorbeelden</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="143"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Recente bestanden</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="154"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="172"/>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="178"/>
        <source>Side &amp;panel</source>
        <translation>Zij&amp;paneel</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="184"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="190"/>
        <source>Toolbar</source>
        <translation>Werkbalk</translation>
    </message>
</context>
<context>
    <name>EditorStatusBar</name>
    <message>
        <location filename="../gui/statusbar.py" line="48"/>
        <source>Enter: done · Tab or Ctrl+Enter: next step · Shift+Tab: step before · Shift+Enter: new line · Esc: cancel</source>
        <translation>Enter: klaar · Tab of Ctrl+Enter: volgende stap · Shift+Tab: vorige stap · Shift+Enter: nieuwe regel · Esc: annuleren</translation>
    </message>
    <message>
        <location filename="../gui/statusbar.py" line="50"/>
        <source>F2: edit · Insert: add step · Ctrl+V: paste a list · Delete: remove · Ctrl+↑/↓: move · Ctrl+B: breakthrough · ←/→: other step</source>
        <translation>F2: bewerken · Insert: stap toevoegen · Ctrl+V: lijst plakken · Delete: verwijderen · Ctrl+↑/↓: verplaatsen · Ctrl+B: doorbraak · ←/→: andere stap</translation>
    </message>
    <message>
        <location filename="../gui/statusbar.py" line="53"/>
        <source>Click a step or press → to select one · Ctrl+T: edit the title</source>
        <translation>Klik op een stap of druk op → om er een te kiezen · Ctrl+T: titel bewerken</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/statusbar.py" line="57"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n stap</numerusform>
            <numerusform>%n stappen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/statusbar.py" line="60"/>
        <source>%n step(s) pasted</source>
        <translation>
            <numerusform>%n stap geplakt</numerusform>
            <numerusform>%n stappen geplakt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/statusbar.py" line="71"/>
        <source>Time!</source>
        <translation>Tijd!</translation>
    </message>
    <message>
        <location filename="../gui/statusbar.py" line="75"/>
        <source>Table timer %1</source>
        <translation>Tafeltimer %1</translation>
    </message>
    <message>
        <location filename="../gui/statusbar.py" line="77"/>
        <source>(paused)</source>
        <translation>(gepauzeerd)</translation>
    </message>
    <message>
        <location filename="../gui/statusbar.py" line="86"/>
        <source>The table timer has run out.</source>
        <translation>De tafeltimer is afgelopen.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../gui/exporting.py" line="45"/>
        <source>Diagram (the pattern alone)</source>
        <translation>Diagram (alleen het patroon)</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="46"/>
        <source>Table sheet (pattern, questions, room to write)</source>
        <translation>Tafelblad (patroon, vragen, schrijfruimte)</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="47"/>
        <source>Worksheet (an empty circle of boxes)</source>
        <translation>Werkblad (een lege cirkel van vakken)</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="57"/>
        <location filename="../gui/exporting.py" line="110"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="63"/>
        <source>PDF (for print)</source>
        <translation>PDF (om af te drukken)</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="63"/>
        <source>PNG (image, for slides)</source>
        <translation>PNG (afbeelding, voor dia’s)</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="64"/>
        <source>SVG (drawing, for editing)</source>
        <translation>SVG (tekening, om te bewerken)</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="65"/>
        <source>PowerPoint (slides with shapes to edit)</source>
        <translation>PowerPoint (dia&apos;s met vormen om te bewerken)</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="71"/>
        <source>Slide 16:9</source>
        <translation>Dia 16:9</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="74"/>
        <source>Landscape</source>
        <translation>Liggend</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="75"/>
        <source>Portrait</source>
        <translation>Staand</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="84"/>
        <source>Step by step, as in the presenter: one slide per step</source>
        <translation>Stap voor stap, zoals in de presentatiemodus: één dia per stap</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="88"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="94"/>
        <source>&amp;Format</source>
        <translation>&amp;Formaat</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="95"/>
        <source>&amp;Sheet</source>
        <translation>&amp;Blad</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="96"/>
        <source>&amp;Paper</source>
        <translation>&amp;Papier</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="97"/>
        <source>&amp;Orientation</source>
        <translation>&amp;Richting</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="98"/>
        <source>&amp;Width</source>
        <translation>B&amp;reedte</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="99"/>
        <source>&amp;Boxes</source>
        <translation>&amp;Vakken</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="100"/>
        <source>&amp;Reveal</source>
        <translation>S&amp;tapsgewijs</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="101"/>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="103"/>
        <source>Save &amp;to</source>
        <translation>Opslaan &amp;in</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="166"/>
        <source>Boxes, arrows and texts stay editable in PowerPoint; the steps&apos; notes become speaker notes.</source>
        <translation>Vakken, pijlen en teksten blijven te bewerken in PowerPoint; de notities bij de stappen worden sprekersnotities.</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="169"/>
        <source>Text stays text in PDF and SVG; fonts are embedded.</source>
        <translation>In PDF en SVG blijft tekst tekst; lettertypen worden ingesloten.</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="174"/>
        <source>Export to</source>
        <translation>Exporteren naar</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="205"/>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="190"/>
        <source>Could not export to ‘%1’:
%2</source>
        <translation>Exporteren naar ‘%1’ is mislukt:
%2</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="199"/>
        <source>Exported to %1</source>
        <translation>Geëxporteerd naar %1</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="210"/>
        <source>Step numbers</source>
        <translation>Nummers bij de stappen</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="211"/>
        <source>Prepared breakthroughs</source>
        <translation>Voorbereide doorbraken</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="212"/>
        <source>On a table sheet they give away the third question; the diagram shows them</source>
        <translation>Op een tafelblad verklappen ze de derde vraag; het diagram toont ze</translation>
    </message>
    <message>
        <location filename="../gui/exporting.py" line="276"/>
        <source>Print preview</source>
        <translation>Afdrukvoorbeeld</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../gui/help.py" line="89"/>
        <location filename="../gui/help.py" line="91"/>
        <source>Guide</source>
        <translation>Handleiding</translation>
    </message>
    <message>
        <location filename="../gui/help.py" line="105"/>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../gui/help.py" line="113"/>
        <source>About Patroon</source>
        <translation>Over Patroon</translation>
    </message>
    <message>
        <location filename="../gui/help.py" line="114"/>
        <source>&lt;h3&gt;Patroon %1&lt;/h3&gt;&lt;p&gt;Draw, present and print the obstructing patterns (belemmerende patronen) of a patroonanalyse.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Patroon %1&lt;/h3&gt;&lt;p&gt;Teken, presenteer en druk de belemmerende patronen van een patroonanalyse af.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../gui/mainwindow.py" line="68"/>
        <source>Pattern</source>
        <translation>Patroon</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.py" line="158"/>
        <source>Open pattern</source>
        <translation>Patroon openen</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.py" line="164"/>
        <source>Save pattern as</source>
        <translation>Patroon opslaan als</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.py" line="172"/>
        <source>Pattern files (%1)</source>
        <translation>Patroonbestanden (%1)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.py" line="174"/>
        <source>Lists of steps (%1)</source>
        <translation>Lijsten van stappen (%1)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.py" line="175"/>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.py" line="257"/>
        <source>More than %1 steps rarely fit on paper: export and print may refuse this pattern.</source>
        <translation>Meer dan %1 stappen passen zelden op papier: exporteren en afdrukken kan dit patroon weigeren.</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.py" line="307"/>
        <source>The diagram is on the clipboard.</source>
        <translation>Het diagram staat op het klembord.</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.py" line="415"/>
        <source>Facilitator mode is not available in this version.</source>
        <translation>De facilitatormodus is in deze versie niet beschikbaar.</translation>
    </message>
</context>
<context>
    <name>PatternScene</name>
    <message>
        <location filename="../gui/canvas.py" line="413"/>
        <source>This pattern no longer fits an A3 sheet: its boxes crowd each other and it cannot be printed like this. Fewer or shorter steps or breakthroughs make it fit again.</source>
        <translation>Dit patroon past niet meer op een A3-vel: de vakken staan over elkaar heen en zo is het niet af te drukken. Minder of kortere stappen of doorbraken laten het weer passen.</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <location filename="../gui/present_view.py" line="148"/>
        <location filename="../gui/present_view.py" line="340"/>
        <source>Time!</source>
        <translation>Tijd!</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="359"/>
        <source>paused — T</source>
        <translation>gepauzeerd — T</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="388"/>
        <source>PageDown, →, ↓, Space, Enter, click</source>
        <translation>PageDown, →, ↓, spatie, Enter, klik</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="388"/>
        <source>next step (after the circle: the prepared breakthroughs)</source>
        <translation>volgende stap (na de cirkel: de voorbereide doorbraken)</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="389"/>
        <source>PageUp, ←, ↑, Backspace, right-click</source>
        <translation>PageUp, ←, ↑, Backspace, rechterklik</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="389"/>
        <source>previous step</source>
        <translation>vorige stap</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="390"/>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="390"/>
        <source>title only / everything</source>
        <translation>alleen de titel / alles</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="391"/>
        <source>B / W</source>
        <translation>B / W</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="391"/>
        <source>black / white screen (any key brings the pattern back)</source>
        <translation>zwart / wit scherm (elke toets brengt het patroon terug)</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="392"/>
        <source>Q</source>
        <translation>Q</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="392"/>
        <source>discussion questions</source>
        <translation>gespreksvragen</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="393"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="393"/>
        <source>start / pause the table timer</source>
        <translation>tafeltimer starten / pauzeren</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="394"/>
        <source>digits, then T</source>
        <translation>cijfers, dan T</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="394"/>
        <source>timer for that many minutes (0 T: hide)</source>
        <translation>timer op dat aantal minuten (0 T: verbergen)</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="395"/>
        <source>+ / −</source>
        <translation>+ / −</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="395"/>
        <source>one minute more / less</source>
        <translation>een minuut meer / minder</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="396"/>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="396"/>
        <source>reset and hide the timer</source>
        <translation>timer terugzetten en verbergen</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="397"/>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="397"/>
        <source>add a breakthrough after the current step</source>
        <translation>doorbraak toevoegen na de huidige stap</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="398"/>
        <source>Ctrl+Z / Ctrl+Y</source>
        <translation>Ctrl+Z / Ctrl+Y</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="398"/>
        <source>undo / redo</source>
        <translation>ongedaan maken / opnieuw</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="399"/>
        <source>? or F1</source>
        <translation>? of F1</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="399"/>
        <source>this help</source>
        <translation>deze hulp</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="400"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="400"/>
        <source>back to the editor</source>
        <translation>terug naar de editor</translation>
    </message>
    <message>
        <location filename="../gui/present_view.py" line="425"/>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../gui/present.py" line="101"/>
        <source>Presentation: %1</source>
        <extracomment>The step just revealed (its id), or &quot;&quot; when none is (title only, circle closed). With a second screen the editor can follow it and show that step&apos;s facilitator note.</extracomment>
        <translation>Presentatie: %1</translation>
    </message>
    <message>
        <location filename="../gui/present.py" line="318"/>
        <source>Timer: %1 min</source>
        <translation>Timer: %1 min</translation>
    </message>
    <message>
        <location filename="../gui/present.py" line="331"/>
        <source>First reveal a step, then press D</source>
        <translation>Toon eerst een stap, druk dan op D</translation>
    </message>
    <message>
        <location filename="../gui/present.py" line="372"/>
        <source>%1 min — press T to start the timer</source>
        <translation>%1 min — druk op T om de timer te starten</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../gui/app.py" line="29"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <location filename="../gui/app.py" line="30"/>
        <source>Files of &amp;type:</source>
        <translation>Bestands&amp;type:</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../gui/sidepanel.py" line="232"/>
        <source>Facilitator note for this step (not printed):</source>
        <translation>Notitie voor de facilitator bij deze stap (wordt niet afgedrukt):</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="239"/>
        <source>Only you see this note.</source>
        <translation>Alleen jij ziet deze notitie.</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="224"/>
        <location filename="../gui/sidepanel.py" line="242"/>
        <source>Steps</source>
        <translation>Stappen</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="225"/>
        <source>The steps in the order of the circle; Ctrl+Up and Ctrl+Down move the selected step</source>
        <translation>De stappen in de volgorde van de cirkel; Ctrl+Omhoog en Ctrl+Omlaag verplaatsen de gekozen stap</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="237"/>
        <source>Facilitator note</source>
        <translation>Notitie voor de facilitator</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="249"/>
        <source>e.g. Housing and care:</source>
        <translation>bijv. Woon-zorg opgave:</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="252"/>
        <source>Shown on the table sheet, not in the circle.</source>
        <translation>Staat op het tafelblad, niet in de cirkel.</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="253"/>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="254"/>
        <source>&amp;Context</source>
        <translation>&amp;Context</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="255"/>
        <source>&amp;Description</source>
        <translation>&amp;Beschrijving</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="257"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="257"/>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="258"/>
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="258"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="258"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="263"/>
        <source>Edit title</source>
        <translation>Titel bewerken</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="264"/>
        <source>Edit context</source>
        <translation>Context bewerken</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="266"/>
        <source>Edit description</source>
        <translation>Beschrijving bewerken</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="267"/>
        <source>Details</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="272"/>
        <source>The questions for the table, one per line:</source>
        <translation>De vragen voor de tafel, één per regel:</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="277"/>
        <source>Questions for the table, one per line</source>
        <translation>Vragen voor de tafel, één per regel</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="281"/>
        <source>Questions</source>
        <translation>Vragen</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="286"/>
        <source>Where the room sees a way to break the pattern. Select a step and press Ctrl+B to add one on its arrow; double-click to edit; clear the text to remove.</source>
        <translation>Waar de zaal een manier ziet om het patroon te doorbreken. Kies een stap en druk op Ctrl+B om er een op de pijl erna te zetten; dubbelklik om te bewerken; maak de tekst leeg om te verwijderen.</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="292"/>
        <location filename="../gui/sidepanel.py" line="301"/>
        <source>Breakthroughs</source>
        <translation>Doorbraken</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="312"/>
        <source>Step tools</source>
        <translation>Knoppen voor stappen</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="354"/>
        <source>Edit details</source>
        <translation>Gegevens bewerken</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="365"/>
        <source>Edit questions</source>
        <translation>Vragen bewerken</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="378"/>
        <source>Edit note</source>
        <translation>Notitie bewerken</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="504"/>
        <source>On the arrow after step %1</source>
        <translation>Op de pijl na stap %1</translation>
    </message>
    <message>
        <location filename="../gui/sidepanel.py" line="505"/>
        <source>After step %1:</source>
        <translation>Na stap %1:</translation>
    </message>
</context>
<context>
    <name>Spoken</name>
    <message numerus="yes">
        <location filename="../gui/accessibility.py" line="31"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n stap</numerusform>
            <numerusform>%n stappen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/accessibility.py" line="32"/>
        <source>Pattern: %1, %2</source>
        <translation>Patroon: %1, %2</translation>
    </message>
    <message>
        <location filename="../gui/accessibility.py" line="37"/>
        <source>Step %1 of %2: %3</source>
        <translation>Stap %1 van %2: %3</translation>
    </message>
    <message>
        <location filename="../gui/accessibility.py" line="38"/>
        <location filename="../gui/accessibility.py" line="48"/>
        <source>(empty)</source>
        <translation>(leeg)</translation>
    </message>
    <message>
        <location filename="../gui/accessibility.py" line="41"/>
        <source>breakthrough: %1</source>
        <translation>doorbraak: %1</translation>
    </message>
    <message>
        <location filename="../gui/accessibility.py" line="47"/>
        <source>Editing the text of the step; Enter: done, Escape: cancel</source>
        <translation>Je bewerkt de tekst van de stap; Enter: klaar, Escape: annuleren</translation>
    </message>
    <message>
        <location filename="../gui/accessibility.py" line="48"/>
        <source>Edit text: %1</source>
        <translation>Tekst bewerken: %1</translation>
    </message>
    <message>
        <location filename="../gui/accessibility.py" line="51"/>
        <source>No step selected; the arrow keys select one</source>
        <translation>Geen stap gekozen; met de pijltjestoetsen kies je er een</translation>
    </message>
    <message>
        <location filename="../gui/accessibility.py" line="55"/>
        <source>The circle is closed: the last step leads back to the first</source>
        <translation>De cirkel is rond: de laatste stap leidt terug naar de eerste</translation>
    </message>
    <message>
        <location filename="../gui/accessibility.py" line="57"/>
        <source>breakthrough after step %1: %2</source>
        <translation>doorbraak na stap %1: %2</translation>
    </message>
    <message>
        <location filename="../gui/accessibility.py" line="63"/>
        <source>Questions for the table: %1</source>
        <translation>Vragen voor de tafel: %1</translation>
    </message>
</context>
<context>
    <name>StepItem</name>
    <message>
        <location filename="../gui/canvas.py" line="132"/>
        <location filename="../gui/sidepanel.py" line="44"/>
        <source>Step %1 — type here</source>
        <translation>Stap %1 — typ hier</translation>
    </message>
</context>
<context>
    <name>TitleItem</name>
    <message>
        <location filename="../gui/canvas.py" line="284"/>
        <source>Double-click to edit the title</source>
        <translation>Dubbelklik om de titel te bewerken</translation>
    </message>
</context>
</TS>
