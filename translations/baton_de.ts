<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgentAnswer</name>
    <message>
        <location filename="../deploy/AgentAnswer.cpp" line="26"/>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <location filename="../deploy/AgentAnswer.cpp" line="29"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../deploy/AgentAnswer.cpp" line="41"/>
        <source>the agent answers, but not yet as expected</source>
        <translation>der Agent antwortet, aber noch nicht wie erwartet</translation>
    </message>
</context>
<context>
    <name>ClusterStore</name>
    <message>
        <location filename="../gui/cluster/ClusterStore.cpp" line="45"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterStore.cpp" line="58"/>
        <source>not a Baton cluster list (expected an object with &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>keine Baton-Clusterliste (erwartet wird ein Objekt mit &quot;format&quot;: &quot;%1&quot;)</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterStore.cpp" line="61"/>
        <source>version %1 of the cluster list is not supported (this Baton reads version %2)</source>
        <translation>Version %1 der Clusterliste wird nicht unterstützt (diese Baton-Version liest Version %2)</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterStore.cpp" line="66"/>
        <source>&quot;clusters&quot; is not an array</source>
        <translation>&quot;clusters&quot; ist kein Array</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterStore.cpp" line="73"/>
        <source>cluster %1: %2</source>
        <translation>Cluster %1: %2</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterStore.cpp" line="73"/>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterStore.cpp" line="92"/>
        <location filename="../gui/cluster/ClusterStore.cpp" line="104"/>
        <source>There is a cluster named &apos;%1&apos; already.</source>
        <translation>Es gibt bereits einen Cluster namens „%1“.</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterStore.cpp" line="101"/>
        <location filename="../gui/cluster/ClusterStore.cpp" line="113"/>
        <source>No such cluster.</source>
        <translation>Diesen Cluster gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterStore.cpp" line="131"/>
        <source>The cluster list was not changed, so as not to overwrite a file that could not be read. Repair or remove it, then restart Baton. %1</source>
        <translation>Die Clusterliste wurde nicht geändert, damit keine Datei überschrieben wird, die nicht gelesen werden konnte. Reparieren oder entfernen Sie die Datei und starten Sie Baton dann neu. %1</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterStore.cpp" line="137"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterStore.cpp" line="153"/>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>ControlClient</name>
    <message>
        <location filename="../shared/control/ControlClient.cpp" line="18"/>
        <source>The agent did not answer within %1 s.</source>
        <translation>Der Agent hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlClient.cpp" line="48"/>
        <source>The agent&apos;s certificate was refused: %1</source>
        <translation>Das Zertifikat des Agenten wurde abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlClient.cpp" line="57"/>
        <source>The agent closed the connection after the handshake: it probably does not accept this console&apos;s certificate.</source>
        <translation>Der Agent hat die Verbindung nach dem Handshake geschlossen: Vermutlich akzeptiert er das Zertifikat dieser Konsole nicht.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlClient.cpp" line="63"/>
        <source>The agent closed the connection.</source>
        <translation>Der Agent hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlClient.cpp" line="104"/>
        <source>The agent sent a malformed frame (%1).</source>
        <translation>Der Agent hat einen fehlerhaften Frame gesendet (%1).</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlClient.cpp" line="117"/>
        <source>The agent speaks another protocol version.</source>
        <translation>Der Agent verwendet eine andere Protokollversion.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlClient.cpp" line="128"/>
        <source>The agent sent a status this console cannot read: %1</source>
        <translation>Der Agent hat einen Status gesendet, den diese Konsole nicht lesen kann: %1</translation>
    </message>
</context>
<context>
    <name>ControlError</name>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="21"/>
        <source>The agent speaks a different protocol version.</source>
        <translation>Der Agent verwendet eine andere Protokollversion.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="23"/>
        <source>A request came before the hello.</source>
        <translation>Eine Anfrage kam vor dem Hello.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="25"/>
        <source>A message was not framed correctly.</source>
        <translation>Eine Nachricht war nicht korrekt gerahmt (Framing-Fehler).</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="27"/>
        <source>A message was not understood.</source>
        <translation>Eine Nachricht wurde nicht verstanden.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="29"/>
        <source>The agent does not know this command.</source>
        <translation>Der Agent kennt diesen Befehl nicht.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="31"/>
        <source>An argument is missing or has the wrong type.</source>
        <translation>Ein Argument fehlt oder hat den falschen Typ.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="33"/>
        <source>An argument is outside its allowed range.</source>
        <translation>Ein Argument liegt außerhalb des zulässigen Bereichs.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="35"/>
        <source>The agent does not manage this interface.</source>
        <translation>Der Agent verwaltet diese Schnittstelle nicht.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="37"/>
        <source>This console&apos;s certificate is read-only.</source>
        <translation>Das Zertifikat dieser Konsole erlaubt nur Lesezugriff.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="39"/>
        <source>The interface is already down with a restore pending.</source>
        <translation>Die Schnittstelle ist bereits deaktiviert, ihre Wiederherstellung steht aus.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="41"/>
        <source>The agent could not save the pending restore, so it did nothing.</source>
        <translation>Der Agent konnte die ausstehende Wiederherstellung nicht speichern und hat daher nichts unternommen.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="44"/>
        <source>The kernel refused to change the interface.</source>
        <translation>Der Kernel hat die Änderung der Schnittstelle abgelehnt.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="46"/>
        <source>Too many requests; try again in a moment.</source>
        <translation>Zu viele Anfragen; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="48"/>
        <source>The agent has too many connections.</source>
        <translation>Der Agent hat zu viele Verbindungen.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="50"/>
        <source>The connection was too slow and was closed.</source>
        <translation>Die Verbindung war zu langsam und wurde geschlossen.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="52"/>
        <source>The agent is shutting down.</source>
        <translation>Der Agent wird beendet.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="54"/>
        <source>The agent failed internally.</source>
        <translation>Im Agenten ist ein interner Fehler aufgetreten.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="56"/>
        <source>This console&apos;s certificate has been revoked.</source>
        <translation>Das Zertifikat dieser Konsole wurde widerrufen.</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlError.cpp" line="58"/>
        <source>The revocation list was not signed by the cluster&apos;s CA, or is older than the one the agent has.</source>
        <translation>Die Sperrliste ist nicht von der CA des Clusters signiert oder älter als die, die der Agent hat.</translation>
    </message>
</context>
<context>
    <name>ControlEvent</name>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="25"/>
        <source>vhid %1 on %2: %3 → %4 (%5)</source>
        <translation>vhid %1 auf %2: %3 → %4 (%5)</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="30"/>
        <source>vhid %1: rejected an advert from %2 (%3)</source>
        <translation>vhid %1: Advertisement von %2 abgelehnt (%3)</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="35"/>
        <source>vhid %1: ignored adverts from %2 that look forged (%3, %4 so far)</source>
        <translation>vhid %1: Adverts von %2 ignoriert, die gefälscht aussehen (%3, bisher %4)</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="41"/>
        <source>%1 taken down by %2; restore at %3</source>
        <translation>%1 von %2 deaktiviert; Wiederherstellung um %3</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="47"/>
        <source>%1 brought back up early by %2</source>
        <translation>%1 von %2 vorzeitig wieder aktiviert</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="49"/>
        <source>%1 restored at its deadline (%2 ms late)</source>
        <translation>%1 zum Termin wiederhergestellt (%2 ms verspätet)</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="54"/>
        <source>%1 could not be restored yet; retrying</source>
        <translation>%1 konnte noch nicht wiederhergestellt werden; neuer Versuch folgt</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="59"/>
        <source>%1 could not be taken down</source>
        <translation>%1 konnte nicht deaktiviert werden</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="63"/>
        <source>maintenance switched on by %1</source>
        <translation>Wartungsmodus von %1 eingeschaltet</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="64"/>
        <source>maintenance switched off by %1</source>
        <translation>Wartungsmodus von %1 ausgeschaltet</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="75"/>
        <source>%1 asked for %2</source>
        <translation>%1 hat %2 angefordert</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="76"/>
        <source>%1 asked for %2: refused (%3)</source>
        <translation>%1 hat %2 angefordert: abgelehnt (%3)</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="81"/>
        <source>vhid %1: %2 is up</source>
        <translation>vhid %1: %2 ist oben</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="83"/>
        <source>vhid %1: %2 is down</source>
        <translation>vhid %1: %2 ist unten</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="88"/>
        <source>batond %1 started</source>
        <translation>batond %1 gestartet</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="92"/>
        <source>batond stopping (signal %1)</source>
        <translation>batond hält an (Signal %1)</translation>
    </message>
    <message>
        <location filename="../shared/control/ControlEventText.cpp" line="96"/>
        <source>event %1</source>
        <translation>Ereignis %1</translation>
    </message>
</context>
<context>
    <name>DeployPlan</name>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="21"/>
        <source>create</source>
        <translation>anlegen</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="23"/>
        <source>replace</source>
        <translation>ersetzen</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="27"/>
        <source>keep</source>
        <translation>behalten</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="63"/>
        <source>%1 runs %2 (ID=%3, VERSION_ID=%4); only Debian 12 is supported</source>
        <translation>auf %1 läuft %2 (ID=%3, VERSION_ID=%4); nur Debian 12 wird unterstützt</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="65"/>
        <source>an unknown system</source>
        <translation>ein unbekanntes System</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="66"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="68"/>
        <source>%1 is %2, the packages are built for %3</source>
        <translation>%1 ist %2, die Pakete sind für %3 gebaut</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="73"/>
        <source>%1 runs no ucarp from ucarp-* stanzas: there is nothing to take over</source>
        <translation>auf %1 läuft kein ucarp aus ucarp-*-Zeilen: es gibt nichts zu übernehmen</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="78"/>
        <source>%1 has ucarp-* lines outside /etc/network/interfaces (%2): take them over by hand</source>
        <translation>%1 hat ucarp-*-Zeilen außerhalb von /etc/network/interfaces (%2): übernehmen Sie sie von Hand</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="82"/>
        <source>%1 has batond installed already: a takeover starts from ucarp alone</source>
        <translation>auf %1 ist batond schon installiert: eine Übernahme beginnt bei ucarp allein</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="85"/>
        <source>%1 runs ucarp or has ucarp-* stanzas (%2): take the pair over instead (batonctl deploy --takeover, or Take over in the window)</source>
        <translation>auf %1 läuft ucarp, oder es hat ucarp-*-Zeilen (%2): übernehmen Sie stattdessen das Paar (batonctl deploy --takeover oder „Ein laufendes ucarp-Paar übernehmen“ im Fenster)</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="87"/>
        <source>ucarp running</source>
        <translation>ucarp läuft</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="92"/>
        <source>%1 runs keepalived, which may hold the same address; stop it first</source>
        <translation>auf %1 läuft keepalived, das dieselbe Adresse halten könnte; stoppen Sie es zuerst</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="94"/>
        <source>%1 runs batond with BATOND_OPTS=&quot;%2&quot; from /etc/default/batond; the deployment writes /etc/baton/batond.conf, which those options would override</source>
        <translation>auf %1 läuft batond mit BATOND_OPTS=&quot;%2&quot; aus /etc/default/batond; die Verteilung schreibt /etc/baton/batond.conf, und diese Optionen würden sie übersteuern</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="104"/>
        <source>%1 has %2 MiB free on /var, the deployment needs %3 MiB</source>
        <translation>%1 hat %2 MiB frei auf /var, die Verteilung braucht %3 MiB</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="111"/>
        <source>%1 has Baton %2 installed, but not by this deployment: there is no copy of its packages in /var/cache/baton-deploy, so a failed upgrade could not put it back. Copy the installed version&apos;s batond and batonctl .deb files there, or remove Baton from %1 first (apt purge batond batonctl)</source>
        <translation>auf %1 ist Baton %2 installiert, aber nicht durch diese Verteilung: in /var/cache/baton-deploy liegt keine Kopie seiner Pakete, also könnte eine fehlgeschlagene Aktualisierung es nicht wiederherstellen. Kopieren Sie die .deb-Dateien von batond und batonctl in der installierten Version dorthin, oder entfernen Sie Baton zuerst von %1 (apt purge batond batonctl)</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="118"/>
        <source>batond %1 is replaced by %2; a failure reinstalls %1 from the copy this deployment kept in /var/cache/baton-deploy</source>
        <translation>batond %1 wird durch %2 ersetzt; bei einem Fehler wird %1 aus der Kopie wieder installiert, die diese Verteilung in /var/cache/baton-deploy aufbewahrt hat</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="154"/>
        <source>every other package and service</source>
        <translation>alle anderen Pakete und Dienste</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="156"/>
        <source>ucarp is stopped here and its ucarp-* lines are commented out; the file and ucarp&apos;s command are kept in /var/backups/baton-takeover for an undo</source>
        <translation>ucarp wird hier gestoppt und seine ucarp-*-Zeilen werden auskommentiert; die Datei und der Befehl von ucarp werden für ein Rückgängigmachen in /var/backups/baton-takeover aufbewahrt</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="176"/>
        <source>  refused: %1</source>
        <translation>  abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="180"/>
        <source>  nothing to change (batond %1 running, files as they should be)</source>
        <translation>  nichts zu ändern (batond %1 läuft, die Dateien sind, wie sie sein sollen)</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="185"/>
        <source>  packages: install batond %1 and batonctl %1</source>
        <translation>  Pakete: batond %1 und batonctl %1 installieren</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="186"/>
        <source>  packages: upgrade batond and batonctl %1 -&gt; %2</source>
        <translation>  Pakete: batond und batonctl von %1 auf %2 aktualisieren</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="188"/>
        <source>  packages: keep batond and batonctl %1</source>
        <translation>  Pakete: batond und batonctl %1 behalten</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="190"/>
        <source>  file %1 %2 (%3, mode %4)%5</source>
        <translation>  Datei %2 %1 (%3, Modus %4)%5</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="193"/>
        <source>, generated on the server</source>
        <translation>, auf dem Server erzeugt</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="198"/>
        <source>keep running</source>
        <translation>weiterlaufen lassen</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="201"/>
        <source>start</source>
        <translation>starten</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="204"/>
        <source>restart (a graceful hand-over if it holds the address)</source>
        <translation>neu starten (eine geordnete Übergabe, falls er die Adresse hält)</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="207"/>
        <source>reload (the address stays where it is unless CARP settings changed: then a graceful hand-over)</source>
        <translation>neu laden (die Adresse bleibt, wo sie ist, außer CARP-Einstellungen haben sich geändert: dann eine geordnete Übergabe)</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="211"/>
        <source>  service batond: %1%2</source>
        <translation>  Dienst batond: %1%2</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="211"/>
        <source>enable, </source>
        <translation>aktivieren, </translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="213"/>
        <source>  note: %1</source>
        <translation>  Hinweis: %1</translation>
    </message>
    <message>
        <location filename="../deploy/DeployPlan.cpp" line="214"/>
        <source>  untouched: %1</source>
        <translation>  unangetastet: %1</translation>
    </message>
</context>
<context>
    <name>DeployStep</name>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="12"/>
        <source>connect</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="12"/>
        <source>host key</source>
        <translation>Host-Schlüssel</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="13"/>
        <source>log in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="13"/>
        <source>root</source>
        <translation>Root-Rechte</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="14"/>
        <source>facts</source>
        <translation>Fakten</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="14"/>
        <source>prepare</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="15"/>
        <source>ucarp</source>
        <translation>ucarp</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="15"/>
        <source>upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="16"/>
        <source>install</source>
        <translation>Installation</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="16"/>
        <source>configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="17"/>
        <source>certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="17"/>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="18"/>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="18"/>
        <source>settle</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="19"/>
        <source>undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="19"/>
        <source>reconnect</source>
        <translation>Neuverbindung</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="20"/>
        <source>rollback</source>
        <translation>Rücknahme</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="20"/>
        <source>cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="21"/>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="21"/>
        <source>takeover</source>
        <translation>Übernahme</translation>
    </message>
    <message>
        <location filename="../deploy/DeployStep.cpp" line="22"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
</context>
<context>
    <name>Drill</name>
    <message>
        <location filename="../console/drill/DrillKind.cpp" line="37"/>
        <source>Classic failover</source>
        <translation>Klassischer Failover</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillKind.cpp" line="39"/>
        <source>Graceful hand-over</source>
        <translation>Geordnete Übergabe</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillKind.cpp" line="41"/>
        <source>Agent crash</source>
        <translation>Absturz des Agenten</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillKind.cpp" line="45"/>
        <source>Server reboot</source>
        <translation>Neustart des Servers</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillRecord.cpp" line="181"/>
        <source>the drill did not finish: its program ended first</source>
        <translation>die Übung wurde nicht beendet: ihr Programm endete vorher</translation>
    </message>
</context>
<context>
    <name>DrillReport</name>
    <message>
        <location filename="../console/report/DrillTimeline.cpp" line="27"/>
        <source>VIP holder (agents)</source>
        <translation>Inhaber der VIP (Agenten)</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="54"/>
        <location filename="../console/report/DrillHtml.cpp" line="194"/>
        <location filename="../report/DrillReport.cpp" line="43"/>
        <source>Failover drill</source>
        <translation>Failover-Übung</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="58"/>
        <location filename="../console/report/DrillHtml.cpp" line="98"/>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="66"/>
        <source>the drill did not finish</source>
        <translation>die Übung wurde nicht beendet</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="71"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="73"/>
        <source>Longest VIP outage:</source>
        <translation>Längster VIP-Ausfall:</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="76"/>
        <source>Timeline</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="79"/>
        <source>Green: answering; red: echoes unanswered. Holder row: blue %1, orange %2, dark red both. Numbers mark where each step acted.</source>
        <translation>Grün: antwortet; rot: Echos unbeantwortet. Zeile der Inhaber: blau %1, orange %2, dunkelrot beide. Die Zahlen markieren, wann jeder Schritt eingriff.</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="88"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="89"/>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="90"/>
        <location filename="../console/report/DrillHtml.cpp" line="121"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="91"/>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="92"/>
        <source>Bound</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="93"/>
        <source>VIP outage</source>
        <translation>VIP-Ausfall</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="94"/>
        <source>Lost echoes</source>
        <translation>Verlorene Echos</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="95"/>
        <source>Fault → takeover (agents)</source>
        <translation>Fehler → Übernahme (Agenten)</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="96"/>
        <source>Two holders (agents / MAC)</source>
        <translation>Zwei Inhaber (Agenten / MAC)</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="97"/>
        <source>Recovery</source>
        <translation>Wiederkehr</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="130"/>
        <source>Preflight</source>
        <translation>Vorprüfung</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="133"/>
        <source>ok</source>
        <translation>erfüllt</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="135"/>
        <source>not met</source>
        <translation>nicht erfüllt</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="141"/>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="142"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="143"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="144"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="145"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="146"/>
        <source>Clock offset</source>
        <translation>Uhrabweichung</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="153"/>
        <source>Probe: every %1 ms by %2; %3 echoes to the VIP, %4 lost.</source>
        <translation>Prüfung: alle %1 ms über %2; %3 Echos an die VIP, %4 verloren.</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="161"/>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="166"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="170"/>
        <source>VIP MAC</source>
        <translation>MAC der VIP</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="171"/>
        <source>no entry</source>
        <translation>kein Eintrag</translation>
    </message>
    <message>
        <location filename="../console/report/DrillHtml.cpp" line="176"/>
        <source>Baton %1, drill report schema %2</source>
        <translation>Baton %1, Schema des Übungsberichts %2</translation>
    </message>
    <message>
        <location filename="../report/DrillReport.cpp" line="53"/>
        <source>the PDF could not be written</source>
        <translation>das PDF konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../report/DrillReport.cpp" line="64"/>
        <source>cannot create the folder</source>
        <translation>der Ordner kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>DurationText</name>
    <message>
        <location filename="../gui/node/DurationText.cpp" line="13"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../gui/node/DurationText.cpp" line="15"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../gui/node/DurationText.cpp" line="17"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../gui/node/DurationText.cpp" line="18"/>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
</context>
<context>
    <name>EventLogExport</name>
    <message>
        <location filename="../gui/log/EventLogExport.cpp" line="76"/>
        <source>The events could not be saved to %1: %2</source>
        <translation>Die Ereignisse konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>FastPathText</name>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="13"/>
        <source>not set up: no partner named (peer in batond.conf)</source>
        <translation>nicht eingerichtet: kein Partner angegeben (peer in batond.conf)</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="15"/>
        <source>ready both ways with %1: a link loss on either node is handed over at once</source>
        <translation>in beide Richtungen bereit mit %1: ein Verbindungsverlust auf einem der Knoten wird sofort übergeben</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="19"/>
        <source>to the partner: %1</source>
        <translation>zum Partner: %1</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="21"/>
        <source>from the partner: %1</source>
        <translation>vom Partner: %1</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="22"/>
        <source>not ready with %1 (CARP&apos;s timing applies) — %2</source>
        <translation>nicht bereit mit %1 (es gilt das Timing von CARP) – %2</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="31"/>
        <source>not set up: no partner named in batond.conf, though both agents are reached on a management network; deploy the cluster again to set it up</source>
        <translation>nicht eingerichtet: kein Partner in batond.conf angegeben, obwohl beide Agenten über ein Verwaltungsnetz erreicht werden; den Cluster erneut ausrollen, um sie einzurichten</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="34"/>
        <source>not set up: %1&apos;s agent address %2 is on the data network %3, so the link would go down with it; give both nodes a management address as agent address and deploy again</source>
        <translation>nicht eingerichtet: die Agentenadresse %2 von %1 liegt im Datennetz %3, die Verbindung fiele also mit ihm aus; beiden Knoten eine Verwaltungsadresse als Agentenadresse geben und erneut ausrollen</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="38"/>
        <source>not set up: %1&apos;s agent address &apos;%2&apos; is a name; the peer link needs both agents&apos; management addresses</source>
        <translation>nicht eingerichtet: die Agentenadresse „%2“ von %1 ist ein Name; die Partnerverbindung braucht die Verwaltungsadressen beider Agenten</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="42"/>
        <source>not set up: both agents have the address %1</source>
        <translation>nicht eingerichtet: beide Agenten haben die Adresse %1</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="44"/>
        <source>not set up: the VIP is a /32, so a management network cannot be told from the data network</source>
        <translation>nicht eingerichtet: die VIP ist ein /32, ein Verwaltungsnetz lässt sich also nicht vom Datennetz unterscheiden</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="54"/>
        <source>connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="56"/>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="58"/>
        <source>TLS handshake failed (check both certificates)</source>
        <translation>TLS-Handshake fehlgeschlagen (beide Zertifikate prüfen)</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="60"/>
        <source>the certificate is not the partner&apos;s</source>
        <translation>das Zertifikat ist nicht das des Partners</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="62"/>
        <source>silent</source>
        <translation>stumm</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="64"/>
        <source>incompatible versions</source>
        <translation>inkompatible Versionen</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="66"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="68"/>
        <source>clocks %1 ms apart</source>
        <translation>Uhren %1 ms auseinander</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="68"/>
        <source>clocks too far apart</source>
        <translation>Uhren zu weit auseinander</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="70"/>
        <source>certificate files unusable</source>
        <translation>Zertifikatsdateien unbrauchbar</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="72"/>
        <source>this agent&apos;s certificate lacks client use: issue it again (batonctl pki issue-agent --replace)</source>
        <translation>das Zertifikat dieses Agenten erlaubt keine Client-Verwendung: neu ausstellen (batonctl pki issue-agent --replace)</translation>
    </message>
    <message>
        <location filename="../gui/node/FastPathText.cpp" line="75"/>
        <source>cannot listen for the partner</source>
        <translation>kann nicht auf den Partner lauschen</translation>
    </message>
</context>
<context>
    <name>HandoverCheck</name>
    <message>
        <location filename="../gui/node/HandoverCheck.cpp" line="14"/>
        <source>the window has no live word from %1&apos;s agent, so whether it can take over is not known</source>
        <translation>das Fenster hat keine aktuelle Meldung vom Agenten von %1, daher ist unbekannt, ob er übernehmen kann</translation>
    </message>
    <message>
        <location filename="../gui/node/HandoverCheck.cpp" line="20"/>
        <source>%1 does not run vhid %2</source>
        <translation>%1 betreibt vhid %2 nicht</translation>
    </message>
    <message>
        <location filename="../gui/node/HandoverCheck.cpp" line="22"/>
        <source>%1 is in maintenance</source>
        <translation>%1 ist in Wartung</translation>
    </message>
    <message>
        <location filename="../gui/node/HandoverCheck.cpp" line="24"/>
        <source>%1&apos;s link (%2) is down</source>
        <translation>die Verbindung von %1 (%2) ist unten</translation>
    </message>
    <message>
        <location filename="../gui/node/HandoverCheck.cpp" line="26"/>
        <source>%1 does not run CARP (INIT)</source>
        <translation>%1 betreibt kein CARP (INIT)</translation>
    </message>
    <message>
        <location filename="../gui/node/HandoverCheck.cpp" line="35"/>
        <source>The partner cannot take over now: %1.

If this node hands over, nobody holds the VIP until this node takes it back, about %2 s later (its master-down interval).

Hand over anyway?</source>
        <translation>Der Partner kann jetzt nicht übernehmen: %1.

Wenn dieser Knoten abgibt, hält niemand die VIP, bis dieser Knoten sie etwa %2 s später zurücknimmt (sein Master-Down-Intervall).

Trotzdem abgeben?</translation>
    </message>
</context>
<context>
    <name>KnownHostsFile</name>
    <message>
        <location filename="../deploy/KnownHostsFile.cpp" line="72"/>
        <source>cannot create &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <location filename="../deploy/KnownHostsFile.cpp" line="78"/>
        <source>cannot open &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../deploy/KnownHostsFile.cpp" line="100"/>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>LocalPackages</name>
    <message>
        <location filename="../deploy/LocalPackages.cpp" line="25"/>
        <source>expected one %1_VERSION_ARCH.deb in &apos;%2&apos;, found %3</source>
        <translation>in „%2“ wurde genau eine %1_VERSION_ARCH.deb erwartet, gefunden: %3</translation>
    </message>
    <message>
        <location filename="../deploy/LocalPackages.cpp" line="32"/>
        <source>&apos;%1&apos; is not named PACKAGE_VERSION_ARCH.deb</source>
        <translation>„%1“ ist nicht nach dem Muster PAKET_VERSION_ARCH.deb benannt</translation>
    </message>
    <message>
        <location filename="../deploy/LocalPackages.cpp" line="41"/>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../deploy/LocalPackages.cpp" line="44"/>
        <source>&apos;%1&apos; is larger than %2 MiB</source>
        <translation>„%1“ ist größer als %2 MiB</translation>
    </message>
    <message>
        <location filename="../deploy/LocalPackages.cpp" line="63"/>
        <source>no folder with the batond and batonctl packages given</source>
        <translation>kein Ordner mit den Paketen batond und batonctl angegeben</translation>
    </message>
    <message>
        <location filename="../deploy/LocalPackages.cpp" line="73"/>
        <source>&apos;%1&apos; and &apos;%2&apos; are not the same version and architecture</source>
        <translation>„%1“ und „%2“ haben nicht dieselbe Version und Architektur</translation>
    </message>
</context>
<context>
    <name>PeerPath</name>
    <message>
        <location filename="../shared/config/PeerPath.cpp" line="57"/>
        <source>on: the agents talk over the management network (%1 at %2:%3, %4 at %5:%6), so a node that loses its data link hands the VIP over at once</source>
        <translation>an: die Agenten sprechen über das Verwaltungsnetz miteinander (%1 unter %2:%3, %4 unter %5:%6), ein Knoten, der seine Datenverbindung verliert, übergibt die VIP also sofort</translation>
    </message>
    <message>
        <location filename="../shared/config/PeerPath.cpp" line="65"/>
        <source>off: the VIP is a /32, so a management network cannot be told from the data network; CARP&apos;s timing decides a failover</source>
        <translation>aus: die VIP ist ein /32, ein Verwaltungsnetz lässt sich also nicht vom Datennetz unterscheiden; über einen Failover entscheidet das Timing von CARP</translation>
    </message>
    <message>
        <location filename="../shared/config/PeerPath.cpp" line="68"/>
        <source>off: %1&apos;s agent address &apos;%2&apos; is a name; the peer link needs both agents&apos; management addresses; CARP&apos;s timing decides a failover</source>
        <translation>aus: die Agentenadresse „%2“ von %1 ist ein Name; die Partnerverbindung braucht die Verwaltungsadressen beider Agenten; über einen Failover entscheidet das Timing von CARP</translation>
    </message>
    <message>
        <location filename="../shared/config/PeerPath.cpp" line="72"/>
        <source>off: %1&apos;s agent address %2 is on the data network %3, where the peer link would go down with the data link it reports; give both nodes an agent address on a management network for the fast path; CARP&apos;s timing decides a failover</source>
        <translation>aus: die Agentenadresse %2 von %1 liegt im Datennetz %3, wo die Partnerverbindung mit der Datenverbindung ausfiele, deren Verlust sie melden soll; für den schnellen Weg beiden Knoten eine Agentenadresse in einem Verwaltungsnetz geben; über einen Failover entscheidet das Timing von CARP</translation>
    </message>
    <message>
        <location filename="../shared/config/PeerPath.cpp" line="78"/>
        <source>off: both agents have the address %1; CARP&apos;s timing decides a failover</source>
        <translation>aus: beide Agenten haben die Adresse %1; über einen Failover entscheidet das Timing von CARP</translation>
    </message>
</context>
<context>
    <name>RemoteFacts</name>
    <message>
        <location filename="../deploy/RemoteFacts.cpp" line="144"/>
        <source>the facts script stopped before its end</source>
        <translation>das Fakten-Skript brach vor seinem Ende ab</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteFacts.cpp" line="146"/>
        <source>no /etc/os-release (ID is missing)</source>
        <translation>kein /etc/os-release (ID fehlt)</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteFacts.cpp" line="161"/>
        <source>system: %1 (ID=%2, VERSION_ID=%3), %4, %5 MiB free on /var</source>
        <translation>System: %1 (ID=%2, VERSION_ID=%3), %4, %5 MiB frei auf /var</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteFacts.cpp" line="163"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteFacts.cpp" line="165"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteFacts.cpp" line="174"/>
        <source>installed: %1</source>
        <translation>installiert: %1</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteFacts.cpp" line="175"/>
        <source>none of batond, batonctl, ucarp, keepalived</source>
        <translation>keines von batond, batonctl, ucarp, keepalived</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteFacts.cpp" line="178"/>
        <source>addresses: %1</source>
        <translation>Adressen: %1</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteFacts.cpp" line="181"/>
        <source>ucarp-* stanzas: %1 lines (%2)</source>
        <translation>ucarp-*-Zeilen: %1 Zeilen (%2)</translation>
    </message>
</context>
<context>
    <name>RemoteHost</name>
    <message>
        <location filename="../deploy/RemoteHost.cpp" line="21"/>
        <source>logged in as root</source>
        <translation>als root angemeldet</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteHost.cpp" line="23"/>
        <source>%1 with sudo (no password)</source>
        <translation>%1 mit sudo (ohne Passwort)</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteHost.cpp" line="25"/>
        <source>%1 with sudo (password)</source>
        <translation>%1 mit sudo (mit Passwort)</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteHost.cpp" line="29"/>
        <source>not root</source>
        <translation>nicht root</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteHost.cpp" line="53"/>
        <source>%1 logs in as %2, which is not root, and the server has no sudo: log in as root or install sudo</source>
        <translation>auf %1 erfolgt die Anmeldung als %2, nicht als root, und der Server hat kein sudo: melden Sie sich als root an oder installieren Sie sudo</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteHost.cpp" line="60"/>
        <source>no sudo password given for %1 on %2</source>
        <translation>kein sudo-Passwort für %1 auf %2 angegeben</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteHost.cpp" line="71"/>
        <source>sudo on %1 refused the password for %2 (or %2 may not use sudo): %3</source>
        <translation>sudo auf %1 hat das Passwort für %2 abgelehnt (oder %2 darf sudo nicht benutzen): %3</translation>
    </message>
    <message>
        <location filename="../deploy/RemoteHost.cpp" line="101"/>
        <source>not root on %1</source>
        <translation>nicht root auf %1</translation>
    </message>
</context>
<context>
    <name>ServerDeployment</name>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="35"/>
        <source>%1 on %2 failed (exit status %3):
%4</source>
        <translation>%1 auf %2 fehlgeschlagen (Exit-Status %3):
%4</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="95"/>
        <location filename="../deploy/ServerDeployment.cpp" line="196"/>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="110"/>
        <source>%1: %2 arrived on %3 with SHA-256 %4, expected %5</source>
        <translation>%1: %2 kam auf %3 mit SHA-256 %4 an, erwartet war %5</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="112"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="121"/>
        <source>backup in %1/%2</source>
        <translation>Sicherung in %1/%2</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="128"/>
        <source>cannot create an upload folder in /var/tmp on %1: %2</source>
        <translation>auf %1 kann in /var/tmp kein Ordner zum Hochladen angelegt werden: %2</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="152"/>
        <source>%1 runs %2 ucarp processes; a takeover needs exactly one</source>
        <translation>auf %1 laufen %2 ucarp-Prozesse; eine Übernahme braucht genau einen</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="200"/>
        <source>%1 did not take the address %2 within %3 s</source>
        <translation>%1 hat die Adresse %2 nicht innerhalb von %3 s übernommen</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="201"/>
        <source>%1 did not give up the address %2 within %3 s</source>
        <translation>%1 hat die Adresse %2 nicht innerhalb von %3 s abgegeben</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="212"/>
        <source>the cluster&apos;s own settings (a reload: the group hands the address over gracefully)</source>
        <translation>die eigenen Einstellungen des Clusters (ein Reload: die Gruppe übergibt die Adresse geordnet)</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="226"/>
        <source>batond stopped and removed, ucarp started as it ran</source>
        <translation>batond wird gestoppt und entfernt, ucarp so gestartet, wie es lief</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="247"/>
        <source>done: ucarp runs on %1 as before</source>
        <translation>fertig: ucarp läuft auf %1 wie zuvor</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="258"/>
        <source>cancelled by the administrator</source>
        <translation>vom Administrator abgebrochen</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="265"/>
        <source>/etc/network/interfaces and ucarp&apos;s command kept in %1</source>
        <translation>/etc/network/interfaces und der Befehl von ucarp werden in %1 aufbewahrt</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="324"/>
        <source>key made on %1, certificate signed here</source>
        <translation>Schlüssel auf %1 erzeugt, Zertifikat hier signiert</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="348"/>
        <source>stopped (its ucarp-* lines are commented out)</source>
        <translation>gestoppt (seine ucarp-*-Zeilen sind auskommentiert)</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="393"/>
        <source>attempt %1 of %2</source>
        <translation>Versuch %1 von %2</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="412"/>
        <source>back to the state found before</source>
        <translation>zurück zum vorgefundenen Zustand</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="417"/>
        <source>rollback on %1 impossible: no connection (%2). On the server, as root: %3</source>
        <translation>Rücknahme auf %1 nicht möglich: keine Verbindung (%2). Auf dem Server, als root: %3</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="418"/>
        <source>restore from %1/%2 (files.tar, debs/)</source>
        <translation>aus %1/%2 wiederherstellen (files.tar, debs/)</translation>
    </message>
    <message>
        <location filename="../deploy/ServerDeployment.cpp" line="479"/>
        <source>done: %1 is as it was</source>
        <translation>fertig: %1 ist wie zuvor</translation>
    </message>
</context>
<context>
    <name>ServerLogin</name>
    <message>
        <location filename="../deploy/ServerLogin.cpp" line="19"/>
        <source>%1 %2 known</source>
        <translation>%1 %2 bekannt</translation>
    </message>
    <message>
        <location filename="../deploy/ServerLogin.cpp" line="22"/>
        <source>first contact: %1 %2</source>
        <translation>erster Kontakt: %1 %2</translation>
    </message>
    <message>
        <location filename="../deploy/ServerLogin.cpp" line="24"/>
        <source>the host key of %1 (%2 %3) was not trusted</source>
        <translation>dem Host-Schlüssel von %1 (%2 %3) wurde nicht vertraut</translation>
    </message>
    <message>
        <location filename="../deploy/ServerLogin.cpp" line="32"/>
        <source>the host key of %1 has CHANGED: it now sends %2 %3, and %4 holds a different one. Either the server was reinstalled or someone is in between. Check on the server&apos;s console with &apos;%5&apos;; if it matches, remove the old entry with &apos;ssh-keygen -R %6&apos;</source>
        <translation>der Host-Schlüssel von %1 hat sich GEÄNDERT: der Server sendet jetzt %2 %3, und %4 enthält einen anderen. Entweder wurde der Server neu installiert, oder jemand sitzt dazwischen. Prüfen Sie auf der Konsole des Servers mit „%5“; wenn er übereinstimmt, entfernen Sie den alten Eintrag mit „ssh-keygen -R %6“</translation>
    </message>
    <message>
        <location filename="../deploy/ServerLogin.cpp" line="40"/>
        <source>%1 sends a %2 host key (%3), but %4 knows it by a key of another type: a server that changed its keys, or someone in between. Check on the server with &apos;%5&apos; before you change known_hosts</source>
        <translation>%1 sendet einen %2-Host-Schlüssel (%3), aber %4 kennt ihn mit einem Schlüssel anderen Typs: ein Server, der seine Schlüssel gewechselt hat, oder jemand dazwischen. Prüfen Sie auf dem Server mit „%5“, bevor Sie known_hosts ändern</translation>
    </message>
    <message>
        <location filename="../deploy/ServerLogin.cpp" line="46"/>
        <source>the host key of %1 could not be checked</source>
        <translation>der Host-Schlüssel von %1 konnte nicht geprüft werden</translation>
    </message>
    <message>
        <location filename="../deploy/ServerLogin.cpp" line="49"/>
        <source>as %1</source>
        <translation>als %1</translation>
    </message>
</context>
<context>
    <name>SshSession</name>
    <message>
        <location filename="../deploy/SshSession.cpp" line="96"/>
        <source>no session</source>
        <translation>keine Sitzung</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="115"/>
        <source>closed by the server or on the way</source>
        <translation>vom Server oder unterwegs geschlossen</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="116"/>
        <location filename="../deploy/SshSession.cpp" line="401"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="117"/>
        <source>%1: the connection to %2 was lost (%3)</source>
        <translation>%1: die Verbindung zu %2 ist abgerissen (%3)</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="128"/>
        <source>%1 is reached through &apos;%2&apos; in ~/.ssh/config, and jump hosts are not supported by this deployment: give it a host it can reach directly (for example another alias without ProxyJump)</source>
        <translation>%1 wird laut ~/.ssh/config über „%2“ erreicht, und Sprung-Hosts unterstützt diese Verteilung nicht: geben Sie einen direkt erreichbaren Host an (zum Beispiel einen anderen Alias ohne ProxyJump)</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="137"/>
        <source>libssh could not create a session</source>
        <translation>libssh konnte keine Sitzung anlegen</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="156"/>
        <source>cannot connect to %1 (%2 port %3): %4</source>
        <translation>keine Verbindung zu %1 (%2 Port %3): %4</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="165"/>
        <source>%1 sent no host key: %2</source>
        <translation>%1 hat keinen Host-Schlüssel gesendet: %2</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="172"/>
        <source>cannot hash the host key of %1</source>
        <translation>der Hash des Host-Schlüssels von %1 kann nicht berechnet werden</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="200"/>
        <source>cannot check the host key of %1 against &apos;%2&apos;: %3</source>
        <translation>der Host-Schlüssel von %1 kann nicht mit „%2“ abgeglichen werden: %3</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="211"/>
        <source>only an unknown host key can be trusted</source>
        <translation>nur einem unbekannten Host-Schlüssel kann vertraut werden</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="227"/>
        <source>not connected to a trusted host</source>
        <translation>nicht mit einem vertrauenswürdigen Host verbunden</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="237"/>
        <location filename="../deploy/SshSession.cpp" line="250"/>
        <location filename="../deploy/SshSession.cpp" line="257"/>
        <location filename="../deploy/SshSession.cpp" line="292"/>
        <location filename="../deploy/SshSession.cpp" line="328"/>
        <location filename="../deploy/SshSession.cpp" line="346"/>
        <source>authentication</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="267"/>
        <location filename="../deploy/SshSession.cpp" line="271"/>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="333"/>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="336"/>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="349"/>
        <source>%1 refused every way to log in as %2 (tried: %3)</source>
        <translation>%1 hat jede Art der Anmeldung als %2 abgelehnt (versucht: %3)</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="351"/>
        <source>nothing the server offers</source>
        <translation>nichts, was der Server anbietet</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="360"/>
        <location filename="../deploy/SshSession.cpp" line="365"/>
        <location filename="../deploy/SshSession.cpp" line="375"/>
        <location filename="../deploy/SshSession.cpp" line="385"/>
        <location filename="../deploy/SshSession.cpp" line="418"/>
        <location filename="../deploy/SshSession.cpp" line="429"/>
        <location filename="../deploy/SshSession.cpp" line="439"/>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="407"/>
        <source>no end after %1 s</source>
        <translation>nach %1 s nicht beendet</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="451"/>
        <location filename="../deploy/SshSession.cpp" line="454"/>
        <location filename="../deploy/SshSession.cpp" line="458"/>
        <location filename="../deploy/SshSession.cpp" line="467"/>
        <location filename="../deploy/SshSession.cpp" line="480"/>
        <location filename="../deploy/SshSession.cpp" line="489"/>
        <location filename="../deploy/SshSession.cpp" line="506"/>
        <source>upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="469"/>
        <source>cannot create &apos;%1&apos; on %2 (SFTP error %3: %4)</source>
        <translation>„%1“ kann auf %2 nicht angelegt werden (SFTP-Fehler %3: %4)</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="491"/>
        <source>writing &apos;%1&apos; on %2 failed after %3 bytes (SFTP error %4%5)</source>
        <translation>das Schreiben von „%1“ auf %2 ist nach %3 Bytes fehlgeschlagen (SFTP-Fehler %4%5)</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="495"/>
        <source>, often a full disk</source>
        <translation>, oft eine volle Platte</translation>
    </message>
    <message>
        <location filename="../deploy/SshSession.cpp" line="508"/>
        <source>closing &apos;%1&apos; on %2 failed (a full disk?)</source>
        <translation>das Schließen von „%1“ auf %2 ist fehlgeschlagen (eine volle Platte?)</translation>
    </message>
</context>
<context>
    <name>SshTarget</name>
    <message>
        <location filename="../deploy/SshTarget.cpp" line="113"/>
        <source>~/.ssh/config: Include nested more than %1 deep</source>
        <translation>~/.ssh/config: Include mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <location filename="../deploy/SshTarget.cpp" line="129"/>
        <source>cannot read &apos;%1&apos;, included from ~/.ssh/config</source>
        <translation>„%1“ kann nicht gelesen werden (eingebunden aus ~/.ssh/config)</translation>
    </message>
    <message>
        <location filename="../deploy/SshTarget.cpp" line="213"/>
        <source>&apos;%1&apos; is not a server: expected an alias from ~/.ssh/config or [USER@]HOST[:PORT]</source>
        <translation>„%1“ ist kein Server: erwartet wird ein Alias aus ~/.ssh/config oder [BENUTZER@]HOST[:PORT]</translation>
    </message>
    <message>
        <location filename="../deploy/SshTarget.cpp" line="236"/>
        <source>&apos;%1&apos; is not a port (for %2)</source>
        <translation>„%1“ ist kein Port (für %2)</translation>
    </message>
    <message>
        <location filename="../deploy/SshTarget.cpp" line="273"/>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../deploy/SshTarget.cpp" line="283"/>
        <source>%1@%2 port %3</source>
        <translation>%1@%2 Port %3</translation>
    </message>
    <message>
        <location filename="../deploy/SshTarget.cpp" line="285"/>
        <source>IdentityFile: OpenSSH&apos;s defaults</source>
        <translation>IdentityFile: die Vorgaben von OpenSSH</translation>
    </message>
    <message>
        <location filename="../deploy/SshTarget.cpp" line="293"/>
        <source>no ProxyJump</source>
        <translation>kein ProxyJump</translation>
    </message>
    <message>
        <location filename="../deploy/SshTarget.cpp" line="296"/>
        <source> (from ~/.ssh/config: %1)</source>
        <translation> (aus ~/.ssh/config: %1)</translation>
    </message>
</context>
<context>
    <name>StanzaCluster</name>
    <message>
        <location filename="../deploy/StanzaCluster.cpp" line="37"/>
        <source>%1&apos;s /etc/network/interfaces includes other files (source): take its ucarp-* stanzas over by hand</source>
        <translation>/etc/network/interfaces von %1 bindet andere Dateien ein (source): übernehmen Sie seine ucarp-*-Zeilen von Hand</translation>
    </message>
    <message>
        <location filename="../deploy/StanzaCluster.cpp" line="45"/>
        <source>%1&apos;s ucarp-* stanzas: %2</source>
        <translation>ucarp-*-Zeilen von %1: %2</translation>
    </message>
    <message>
        <location filename="../deploy/StanzaCluster.cpp" line="48"/>
        <source>%1 has %2 ucarp groups in /etc/network/interfaces; a takeover needs exactly one</source>
        <translation>%1 hat %2 ucarp-Gruppen in /etc/network/interfaces; eine Übernahme braucht genau eine</translation>
    </message>
    <message>
        <location filename="../deploy/StanzaCluster.cpp" line="57"/>
        <source>%1&apos;s ucarp group has %2 addresses; a takeover needs exactly one</source>
        <translation>die ucarp-Gruppe von %1 hat %2 Adressen; eine Übernahme braucht genau eine</translation>
    </message>
    <message>
        <location filename="../deploy/StanzaCluster.cpp" line="65"/>
        <source>the two servers&apos; ucarp-* stanzas differ in %1 (%2 on %3, %4 on %5): they are not one pair</source>
        <translation>die ucarp-*-Zeilen der beiden Server unterscheiden sich in %1 (%2 auf %3, %4 auf %5): sie sind kein Paar</translation>
    </message>
    <message>
        <location filename="../deploy/StanzaCluster.cpp" line="76"/>
        <source>one</source>
        <translation>eines</translation>
    </message>
    <message>
        <location filename="../deploy/StanzaCluster.cpp" line="77"/>
        <source>another</source>
        <translation>ein anderes</translation>
    </message>
    <message>
        <location filename="../deploy/StanzaCluster.cpp" line="99"/>
        <source>the cluster from the ucarp-* stanzas: %1</source>
        <translation>der Cluster aus den ucarp-*-Zeilen: %1</translation>
    </message>
    <message>
        <location filename="../deploy/StanzaCluster.cpp" line="119"/>
        <source>the ucarp pair already advertises as often as CARP allows (advbase 0, advskew 0): no better advert exists to take the VIP over with</source>
        <translation>das ucarp-Paar sendet seine Advertisements schon so oft, wie CARP es erlaubt (advbase 0, advskew 0): es gibt kein besseres Advertisement, mit dem sich die VIP übernehmen ließe</translation>
    </message>
</context>
<context>
    <name>baton::AgentConnection</name>
    <message>
        <location filename="../console/node/AgentConnection.cpp" line="97"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../console/node/AgentConnection.cpp" line="129"/>
        <source>Nothing heard from the agent for %1 s.</source>
        <translation>Seit %1 s keine Nachricht vom Agenten.</translation>
    </message>
    <message>
        <location filename="../console/node/AgentConnection.cpp" line="146"/>
        <source>connecting</source>
        <translation>wird verbunden</translation>
    </message>
    <message>
        <location filename="../console/node/AgentConnection.cpp" line="148"/>
        <source>live</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../console/node/AgentConnection.cpp" line="150"/>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <location filename="../console/node/AgentConnection.cpp" line="154"/>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>baton::AlarmBanner</name>
    <message>
        <location filename="../gui/alarm/AlarmBanner.cpp" line="31"/>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Zur Kenntnis genommen</translation>
    </message>
</context>
<context>
    <name>baton::ClusterDialog</name>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="43"/>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="80"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="47"/>
        <source>for example: web</source>
        <translation>zum Beispiel: web</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="49"/>
        <source>address/prefix, for example 192.0.2.10/24</source>
        <translation>Adresse/Präfix, zum Beispiel 192.0.2.10/24</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="51"/>
        <source>The virtual host ID (ucarp-vid): the same on both nodes, unique on the network</source>
        <translation>Die virtuelle Host-ID (ucarp-vid): auf beiden Knoten gleich, im Netzwerk eindeutig</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="54"/>
        <source>The CARP password (ucarp-password), 1-19 bytes</source>
        <translation>Das CARP-Passwort (ucarp-password), 1-19 Bytes</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="55"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="62"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="63"/>
        <source>Seconds between adverts (ucarp-advbase)</source>
        <translation>Sekunden zwischen Advertisements (ucarp-advbase)</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="64"/>
        <source>Take the VIP back when the preferred node returns (preempt)</source>
        <translation>VIP zurückholen, wenn der bevorzugte Knoten zurückkehrt (preempt)</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="66"/>
        <source>the folder made by batonctl pki init</source>
        <translation>der von batonctl pki init angelegte Ordner</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="67"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="75"/>
        <source>the only one in the PKI folder</source>
        <translation>das einzige im PKI-Ordner</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="76"/>
        <source>Which certificate of the PKI folder&apos;s consoles/ this desktop presents to the agents; a read-only one can watch but not command</source>
        <translation>Welches Zertifikat aus consoles/ im PKI-Ordner dieser Rechner den Agenten vorzeigt; mit einem Nur-Lese-Zertifikat kann man zusehen, aber nichts auslösen</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="82"/>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="173"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="83"/>
        <source>VIP:</source>
        <translation>VIP:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="84"/>
        <source>vhid:</source>
        <translation>vhid:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="85"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="86"/>
        <source>Advert interval:</source>
        <translation>Advertisement-Intervall:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="88"/>
        <source>PKI folder:</source>
        <translation>PKI-Ordner:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="89"/>
        <source>Console certificate:</source>
        <translation>Konsolen-Zertifikat:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="155"/>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="158"/>
        <source>its own address, for example 192.0.2.%1</source>
        <translation>seine eigene Adresse, zum Beispiel 192.0.2.%1</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="160"/>
        <source>for example eth0</source>
        <translation>zum Beispiel eth0</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="162"/>
        <source>Lower is preferred as MASTER (ucarp-advskew)</source>
        <translation>Niedrigerer Wert wird als MASTER bevorzugt (ucarp-advskew)</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="164"/>
        <source>the address above</source>
        <translation>die Adresse oben</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="165"/>
        <source>Where this desktop reaches the agent, if not at the node&apos;s address</source>
        <translation>Unter welcher Adresse dieser Rechner den Agenten erreicht, falls nicht unter der Adresse des Knotens</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="168"/>
        <source>not set up</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="170"/>
        <source>How this desktop logs in to the server over SSH: an alias from ~/.ssh/config or [user@]host[:port]. Set by a deployment; the reboot drill needs it for both nodes.</source>
        <translation>Wie sich dieser Desktop per SSH am Server anmeldet: ein Alias aus ~/.ssh/config oder [Benutzer@]Host[:Port]. Eine Verteilung trägt ihn ein; die Neustart-Übung braucht ihn für beide Knoten.</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="174"/>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="175"/>
        <source>Interface:</source>
        <translation>Schnittstelle:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="176"/>
        <source>advskew:</source>
        <translation>advskew:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="177"/>
        <source>Agent address:</source>
        <translation>Agent-Adresse:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="178"/>
        <source>Agent port:</source>
        <translation>Agent-Port:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="179"/>
        <source>SSH:</source>
        <translation>SSH:</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="252"/>
        <source>PKI folder</source>
        <translation>PKI-Ordner</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="280"/>
        <source>%1/consoles holds no console certificate: make one with batonctl pki issue-console %1 NAME --operator</source>
        <translation>%1/consoles enthält kein Konsolenzertifikat: erstellen Sie eines mit batonctl pki issue-console %1 NAME --operator</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="284"/>
        <source>no console certificate &apos;%1&apos; in %2/consoles</source>
        <translation>kein Konsolen-Zertifikat „%1“ in %2/consoles</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="286"/>
        <source>the PKI folder has several console certificates (%1): choose one</source>
        <translation>der PKI-Ordner enthält mehrere Konsolen-Zertifikate (%1): bitte eines wählen</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="320"/>
        <source>console: %1</source>
        <translation>console: %1</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="324"/>
        <source>another cluster is named &apos;%1&apos;</source>
        <translation>ein anderer Cluster heißt bereits „%1“</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="325"/>
        <source>name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <location filename="../gui/cluster/ClusterDialog.cpp" line="335"/>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>baton::ClusterWatch</name>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="56"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="81"/>
        <source>no PKI folder is set for this cluster</source>
        <translation>für diesen Cluster ist kein PKI-Ordner festgelegt</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="161"/>
        <source>Agent lost in %1</source>
        <translation>Agent verloren in %1</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="162"/>
        <source>The agent on %1 stopped answering at %2: %3</source>
        <translation>Der Agent auf %1 antwortet seit %2 nicht mehr: %3</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="167"/>
        <source>Agent back in %1</source>
        <translation>Agent zurück in %1</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="168"/>
        <source>The agent on %1 answers again since %2.</source>
        <translation>Der Agent auf %1 antwortet seit %2 wieder.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="194"/>
        <source>Certificate expiring in %1</source>
        <translation>Zertifikat läuft ab in %1</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="195"/>
        <source>The agent certificate of %1 expired on %2: consoles cannot reach it once its channel restarts. Issue a new one (batonctl pki issue-agent) and deploy it.</source>
        <translation>Das Agent-Zertifikat von %1 ist am %2 abgelaufen: Konsolen erreichen den Agenten nicht mehr, sobald sein Kanal neu startet. Stellen Sie ein neues aus (batonctl pki issue-agent) und verteilen Sie es.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="198"/>
        <source>The agent certificate of %1 expires on %2. Issue a new one (batonctl pki issue-agent) and deploy it before then.</source>
        <translation>Das Agent-Zertifikat von %1 läuft am %2 ab. Stellen Sie vorher ein neues aus (batonctl pki issue-agent) und verteilen Sie es.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="209"/>
        <source>Split brain in %1</source>
        <translation>Split Brain in %1</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="213"/>
        <source>Split brain over in %1</source>
        <translation>Split Brain beendet in %1</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="214"/>
        <source>No more than one node claims the VIP since %1.</source>
        <translation>Seit %1 beansprucht nur noch ein Knoten die VIP.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="225"/>
        <source>Suspected forged adverts in %1</source>
        <translation>Mutmaßlich gefälschte Adverts in %1</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="226"/>
        <source>%1 (at %2). The agents ignore them; someone on this network may be replaying or editing the pair&apos;s adverts.</source>
        <translation>%1 (um %2). Die Agenten ignorieren sie; jemand in diesem Netz spielt möglicherweise die Adverts des Paars erneut ab oder verändert sie.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="240"/>
        <location filename="../console/watch/ClusterWatch.cpp" line="282"/>
        <source>Failover in %1</source>
        <translation>Failover in %1</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="245"/>
        <source>VIP back in %1</source>
        <translation>VIP zurück in %1</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="246"/>
        <source>The VIP %1 answers this desktop again since %2, after %3 s without an answer.</source>
        <translation>Die VIP %1 antwortet diesem Desktop seit %2 wieder, nach %3 s ohne Antwort.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="256"/>
        <source>%1 took over the VIP %2 from %3 at %4.</source>
        <translation>%1 hat die VIP %2 um %4 von %3 übernommen.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="259"/>
        <source>The VIP did not answer this desktop for %1 s.</source>
        <translation>Die VIP hat diesem Desktop %1 s lang nicht geantwortet.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="295"/>
        <source>VIP silent in %1</source>
        <translation>VIP stumm in %1</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="296"/>
        <source>The VIP %1 has not answered this desktop since %2.</source>
        <translation>Die VIP %1 antwortet diesem Desktop seit %2 nicht.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="305"/>
        <source>The VIP %1 does not answer this desktop.</source>
        <translation>Die VIP %1 antwortet diesem Desktop nicht.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="307"/>
        <source>Suspected forged adverts: %1</source>
        <translation>Mutmaßlich gefälschte Adverts: %1</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="312"/>
        <source>Neither node is MASTER for vhid %1: nobody holds the VIP.</source>
        <translation>Kein Knoten ist MASTER für vhid %1: niemand hält die VIP.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="317"/>
        <source>The agents are not contacted: %1</source>
        <translation>Die Agenten werden nicht kontaktiert: %1</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="319"/>
        <source>This console&apos;s certificate expires on %1.</source>
        <translation>Das Zertifikat dieser Konsole läuft am %1 ab.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="328"/>
        <source>The agent on %1 has gone silent: its last status may be out of date.</source>
        <translation>Der Agent auf %1 ist verstummt: sein letzter Status ist möglicherweise veraltet.</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="331"/>
        <source>The agent on %1 cannot be reached: %2</source>
        <translation>Der Agent auf %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="336"/>
        <source>The agent on %1 cannot use its certificate files (%2).</source>
        <translation>Der Agent auf %1 kann seine Zertifikatsdateien nicht verwenden (%2).</translation>
    </message>
    <message>
        <location filename="../console/watch/ClusterWatch.cpp" line="339"/>
        <source>The agent certificate of %1 expires on %2.</source>
        <translation>Das Agent-Zertifikat von %1 läuft am %2 ab.</translation>
    </message>
</context>
<context>
    <name>baton::DeployDialog</name>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="28"/>
        <source>Deploy %1</source>
        <translation>%1 verteilen</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="34"/>
        <source>An alias from ~/.ssh/config, or [user@]host[:port]</source>
        <translation>Ein Alias aus ~/.ssh/config oder [Benutzer@]Host[:Port]</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="39"/>
        <source>Server of %1 (%2):</source>
        <translation>Server von %1 (%2):</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="44"/>
        <source>Used where neither the server field nor ~/.ssh/config names a user</source>
        <translation>Gilt, wo weder das Serverfeld noch ~/.ssh/config einen Benutzer nennt</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="46"/>
        <source>Default user:</source>
        <translation>Standardbenutzer:</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="48"/>
        <source>folder with batond_*.deb and batonctl_*.deb</source>
        <translation>Ordner mit batond_*.deb und batonctl_*.deb</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="49"/>
        <source>Packages:</source>
        <translation>Pakete:</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="59"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="59"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="59"/>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="65"/>
        <source>Nothing changes on a server before you have seen and confirmed the plan.</source>
        <translation>Auf keinem Server ändert sich etwas, bevor Sie den Plan gesehen und bestätigt haben.</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="71"/>
        <source>Show &amp;plan</source>
        <translation>&amp;Plan zeigen</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="72"/>
        <source>&amp;Deploy</source>
        <translation>&amp;Verteilen</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="76"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="78"/>
        <source>C&amp;lose</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="100"/>
        <source>plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="121"/>
        <source>Jump hosts are not supported: this server will be refused.</source>
        <translation>Sprung-Hosts werden nicht unterstützt: Dieser Server wird abgelehnt.</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="179"/>
        <source>The packages: %1</source>
        <translation>Die Pakete: %1</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="184"/>
        <source>Gathering both servers&apos; facts for the plan…</source>
        <translation>Die Fakten beider Server werden für den Plan gesammelt…</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="184"/>
        <source>Deploying…</source>
        <translation>Verteilen läuft…</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="201"/>
        <source>Cancelling: what was changed is being rolled back…</source>
        <translation>Abbruch: Was geändert wurde, wird zurückgenommen…</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="229"/>
        <source>The plan is above; nothing was changed. Deploy carries it out.</source>
        <translation>Der Plan steht oben; nichts wurde geändert. „Verteilen“ führt ihn aus.</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="232"/>
        <source>Refused, nothing was changed: %1</source>
        <translation>Abgelehnt, nichts wurde geändert: %1</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="235"/>
        <source>Failed and rolled back: %1</source>
        <translation>Fehlgeschlagen und zurückgenommen: %1</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="238"/>
        <source>Failed, and the rollback did not complete: %1</source>
        <translation>Fehlgeschlagen, und die Rücknahme wurde nicht abgeschlossen: %1</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="241"/>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="51"/>
        <source>Take over a running ucarp pair (the cluster is filled in from its ucarp-* stanzas)</source>
        <translation>Ein laufendes ucarp-Paar übernehmen (der Cluster wird aus seinen ucarp-*-Zeilen ausgefüllt)</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="53"/>
        <source>ucarp is replaced by batond one server at a time on the same settings, without the VIP going away; Undo takeover brings ucarp back</source>
        <translation>ucarp wird Server für Server durch batond mit denselben Einstellungen ersetzt, ohne dass die VIP wegfällt; „Übernahme rückgängig“ bringt ucarp zurück</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="73"/>
        <source>&amp;Undo takeover</source>
        <translation>Übernahme &amp;rückgängig</translation>
    </message>
    <message>
        <location filename="../gui/deploy/DeployDialog.cpp" line="74"/>
        <source>Remove batond from both servers and start ucarp as it ran before the takeover</source>
        <translation>batond von beiden Servern entfernen und ucarp so starten, wie es vor der Übernahme lief</translation>
    </message>
</context>
<context>
    <name>baton::DeployEngine</name>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="106"/>
        <source>step &apos;%1&apos; failed on %2: %3</source>
        <translation>Schritt „%1“ auf %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="125"/>
        <source>%1 has no takeover to undo (no /var/backups/baton-takeover)</source>
        <translation>auf %1 gibt es keine Übernahme rückgängig zu machen (kein /var/backups/baton-takeover)</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="126"/>
        <source>%1: batond stopped and purged, /etc/network/interfaces restored from /var/backups/baton-takeover, ucarp started as it ran</source>
        <translation>%1: batond wird gestoppt und vollständig entfernt (purge), /etc/network/interfaces aus /var/backups/baton-takeover wiederhergestellt, ucarp so gestartet, wie es lief</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="133"/>
        <location filename="../deploy/DeployEngine.cpp" line="330"/>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="135"/>
        <location filename="../deploy/DeployEngine.cpp" line="337"/>
        <source>plan only: nothing was changed</source>
        <translation>nur der Plan: nichts wurde geändert</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="137"/>
        <location filename="../deploy/DeployEngine.cpp" line="339"/>
        <source>the plan was not confirmed; nothing was changed</source>
        <translation>der Plan wurde nicht bestätigt; nichts wurde geändert</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="156"/>
        <source>waiting one advert interval until ucarp hears %1</source>
        <translation>ein Advertisement-Intervall wird gewartet, bis ucarp %1 hört</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="162"/>
        <source>the takeover is undone: ucarp runs on %1 and %2 as before, batond is removed</source>
        <translation>die Übernahme ist rückgängig gemacht: ucarp läuft auf %1 und %2 wie zuvor, batond ist entfernt</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="172"/>
        <source>the cluster definition is not valid: %1</source>
        <translation>die Cluster-Definition ist ungültig: %1</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="180"/>
        <source>the console certificate: %1</source>
        <translation>das Konsolen-Zertifikat: %1</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="184"/>
        <location filename="../deploy/DeployEngine.cpp" line="191"/>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="209"/>
        <location filename="../deploy/DeployEngine.cpp" line="225"/>
        <location filename="../deploy/DeployEngine.cpp" line="243"/>
        <source>%1; nothing was changed</source>
        <translation>%1; nichts wurde geändert</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="234"/>
        <source>both servers hold the VIP %1: a takeover starts from a settled ucarp pair; nothing was changed</source>
        <translation>beide Server halten die VIP %1: eine Übernahme beginnt bei einem stabilen ucarp-Paar; nichts wurde geändert</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="236"/>
        <source>neither server holds the VIP %1: a takeover starts from a settled ucarp pair; nothing was changed</source>
        <translation>keiner der Server hält die VIP %1: eine Übernahme beginnt bei einem stabilen ucarp-Paar; nichts wurde geändert</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="247"/>
        <source>from the ucarp-* stanzas: vhid %1, VIP %2, advbase %3, advskew %4 and %5, preempt %6</source>
        <translation>aus den ucarp-*-Zeilen: vhid %1, VIP %2, advbase %3, advskew %4 und %5, preempt %6</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="253"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="253"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="305"/>
        <source>%1 does not have node %2&apos;s address %3: is it the right server?</source>
        <translation>%1 hat die Adresse %3 des Knotens %2 nicht: ist es der richtige Server?</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="309"/>
        <source>%1 does not have node %2&apos;s agent address %3, where its agent is to listen for consoles and its partner</source>
        <translation>%1 hat die Agentenadresse %3 von Knoten %2 nicht, auf der sein Agent für Konsolen und seinen Partner lauschen soll</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="316"/>
        <source>Fast failover (the peer link): %1</source>
        <translation>Schneller Failover (die Partnerverbindung): %1</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="318"/>
        <source>The takeover, while the VIP keeps answering:
  1. %1: batond starts advertising more often than ucarp on %2 (advskew %3%4, preempt): it takes the VIP at once, and ucarp yields to the better advert
  2. %2: ucarp (then BACKUP) is stopped, batond starts with the stanzas&apos; settings
  3. %1: settled to the stanzas&apos; settings: a graceful hand-over of the VIP to %2</source>
        <translation>Die Übernahme, während die VIP weiter antwortet:
  1. %1: batond sendet häufiger Advertisements als ucarp auf %2 (advskew %3%4, preempt): es übernimmt die VIP sofort, und ucarp weicht dem besseren Advertisement
  2. %2: ucarp (dann BACKUP) wird gestoppt, batond startet mit den Einstellungen der Zeilen
  3. %1: auf die Einstellungen der Zeilen gebracht: eine geordnete Übergabe der VIP an %2</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="325"/>
        <source>, advbase %1</source>
        <translation>, advbase %1</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="333"/>
        <source>nothing to change: both agents run batond %1 with this cluster&apos;s configuration and certificates</source>
        <translation>nichts zu ändern: beide Agenten laufen mit batond %1 und der Konfiguration und den Zertifikaten dieses Clusters</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="364"/>
        <source>waiting until it follows %1 as MASTER</source>
        <translation>es wird gewartet, bis er %1 als MASTER folgt</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="368"/>
        <source>its agent does not follow %1 as MASTER (%2)</source>
        <translation>sein Agent folgt %1 nicht als MASTER (%2)</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="381"/>
        <source>%1 was rolled back to where it was</source>
        <translation>%1 wurde auf den vorherigen Stand zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="386"/>
        <source>%1 was not touched</source>
        <translation>%1 blieb unberührt</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="397"/>
        <source>nothing to change</source>
        <translation>nichts zu ändern</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="415"/>
        <source>waiting for %1:%2 over mutual TLS</source>
        <translation>es wird auf %1:%2 über gegenseitiges TLS gewartet</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="419"/>
        <source>the agent at %1:%2 did not answer over mutual TLS (%3). Its journal:
%4</source>
        <translation>der Agent unter %1:%2 hat nicht über gegenseitiges TLS geantwortet (%3). Sein Journal:
%4</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="424"/>
        <source>the agent answers</source>
        <translation>der Agent antwortet</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="445"/>
        <source>the agent did not answer (%1)</source>
        <translation>der Agent hat nicht geantwortet (%1)</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="453"/>
        <source>taken over: batond %1 runs on %2 and %3 with the ucarp-* stanzas&apos; settings, ucarp is stopped and its lines commented out; %4 holds the VIP</source>
        <translation>übernommen: batond %1 läuft auf %2 und %3 mit den Einstellungen der ucarp-*-Zeilen, ucarp ist gestoppt und seine Zeilen sind auskommentiert; %4 hält die VIP</translation>
    </message>
    <message>
        <location filename="../deploy/DeployEngine.cpp" line="457"/>
        <source>deployed: batond %1 runs on %2 and %3 and answers over mutual TLS</source>
        <translation>verteilt: batond %1 läuft auf %2 und %3 und antwortet über gegenseitiges TLS</translation>
    </message>
</context>
<context>
    <name>baton::DesktopWatch</name>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="32"/>
        <source>&amp;Overview of all clusters</source>
        <translation>&amp;Übersicht aller Cluster</translation>
    </message>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="33"/>
        <source>Desktop &amp;notifications</source>
        <translation>Desktop-&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="34"/>
        <source>&amp;Keep watching in the tray when closed</source>
        <translation>Beim Schließen im Infobereich &amp;weiter überwachen</translation>
    </message>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="37"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="38"/>
        <source>Every known cluster on one line: VIP, MASTER, last failover, alarms</source>
        <translation>Jeder bekannte Cluster in einer Zeile: VIP, MASTER, letzter Failover, Alarme</translation>
    </message>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="80"/>
        <source>This desktop shows no tray icons</source>
        <translation>Dieser Desktop zeigt keine Symbole im Infobereich</translation>
    </message>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="134"/>
        <source>Keep watching?</source>
        <translation>Weiter überwachen?</translation>
    </message>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="135"/>
        <source>Baton can keep watching your clusters from the tray when this window is closed, and notify you when one fails over or needs attention.</source>
        <translation>Baton kann Ihre Cluster nach dem Schließen dieses Fensters aus dem Infobereich weiter überwachen und Sie benachrichtigen, wenn einer umschaltet oder Aufmerksamkeit braucht.</translation>
    </message>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="139"/>
        <source>You can change this later: View → Keep watching in the tray when closed.</source>
        <translation>Sie können das später ändern: Ansicht → Beim Schließen im Infobereich weiter überwachen.</translation>
    </message>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="140"/>
        <source>Keep watching in the tray</source>
        <translation>Im Infobereich weiter überwachen</translation>
    </message>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="141"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="159"/>
        <source>Baton keeps watching</source>
        <translation>Baton überwacht weiter</translation>
    </message>
    <message>
        <location filename="../gui/tray/DesktopWatch.cpp" line="160"/>
        <source>Clusters watched from the tray: %1. Click its icon to open the window.</source>
        <translation>Aus dem Infobereich überwachte Cluster: %1. Ein Klick auf das Symbol öffnet das Fenster.</translation>
    </message>
</context>
<context>
    <name>baton::DrillDialog</name>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="37"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="39"/>
        <source>running…</source>
        <translation>läuft …</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="41"/>
        <source>PASSED</source>
        <translation>BESTANDEN</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="43"/>
        <source>FAILED</source>
        <translation>NICHT BESTANDEN</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="45"/>
        <source>aborted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="49"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="73"/>
        <source>Failover drill: %1</source>
        <translation>Failover-Übung: %1</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="81"/>
        <source>Drill:</source>
        <translation>Übung:</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="92"/>
        <source>%1 (needs SSH access)</source>
        <translation>%1 (braucht SSH-Zugang)</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="95"/>
        <source>Classic: each server&apos;s interface down and up again, the MASTER first (the manual failover test). Hand-over: the VIP handed over gracefully and back. Agent crash: the MASTER&apos;s agent dies without a word; its service manager must restart it. Server reboot: the MASTER&apos;s server rebooted over SSH (systemctl reboot); its agent must be back after the boot.</source>
        <translation>Klassisch: die Schnittstelle jedes Servers ab- und wieder anschalten, zuerst beim MASTER (der manuelle Failover-Test). Übergabe: die VIP geordnet übergeben und zurück. Absturz des Agenten: der Agent des MASTER stirbt ohne Abmeldung; sein Dienstverwalter muss ihn neu starten. Neustart des Servers: der Server des MASTER wird per SSH neu gestartet (systemctl reboot); sein Agent muss nach dem Hochfahren wieder da sein.</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="101"/>
        <source>&amp;Start drill</source>
        <translation>Übung &amp;starten</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="104"/>
        <source>&amp;Abort</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="106"/>
        <source>Brings every interface the drill took down up again at once</source>
        <translation>Schaltet jede Schnittstelle, die die Übung abgeschaltet hat, sofort wieder an</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="112"/>
        <source>Ready. The drill first checks that the pair is in its steady state; nothing is changed if it is not.</source>
        <translation>Bereit. Die Übung prüft zuerst, ob das Paar im Normalzustand ist; ist es das nicht, wird nichts verändert.</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="131"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="131"/>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="131"/>
        <source>Bound</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="131"/>
        <source>Seen</source>
        <translation>Beobachtet</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="131"/>
        <source>VIP outage</source>
        <translation>VIP-Ausfall</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="131"/>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="143"/>
        <source>What each step sees appears here as it happens.</source>
        <translation>Was jeder Schritt beobachtet, erscheint hier, sobald es geschieht.</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="152"/>
        <source>Reports are saved in %1</source>
        <translation>Berichte werden in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="154"/>
        <source>&amp;Run</source>
        <translation>&amp;Durchführen</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="160"/>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="176"/>
        <location filename="../gui/drill/DrillDialog.cpp" line="266"/>
        <source>the drill window was closed</source>
        <translation>das Übungsfenster wurde geschlossen</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="181"/>
        <source>The reboot drill logs in to the MASTER&apos;s server over SSH and reboots it. Set up SSH access to both servers first: deploy the cluster (Cluster → Deploy cluster…), or enter each node&apos;s SSH server in the cluster&apos;s settings.</source>
        <translation>Die Neustart-Übung meldet sich per SSH am Server des MASTER an und startet ihn neu. Richten Sie zuerst den SSH-Zugang zu beiden Servern ein: verteilen Sie den Cluster (Cluster → Cluster verteilen…) oder tragen Sie bei jedem Knoten den SSH-Server in den Einstellungen des Clusters ein.</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="214"/>
        <location filename="../gui/drill/DrillDialog.cpp" line="218"/>
        <source>The drill cannot start: %1</source>
        <translation>Die Übung kann nicht beginnen: %1</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="225"/>
        <source>Logging in to both servers over SSH…</source>
        <translation>Anmeldung an beiden Servern per SSH …</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="226"/>
        <source>Preflight: checking the steady state…</source>
        <translation>Vorprüfung: der Normalzustand wird geprüft …</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="248"/>
        <source>Logging in over SSH: %1</source>
        <translation>Anmeldung per SSH: %1</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="255"/>
        <source>aborted by the operator</source>
        <translation>vom Bediener abgebrochen</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="282"/>
        <source>Preflight:</source>
        <translation>Vorprüfung:</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="294"/>
        <source>%1 ms
%2</source>
        <translation>%1 ms
%2</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="296"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="305"/>
        <source>Step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="316"/>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="330"/>
        <source>PASSED: every step within its bound</source>
        <translation>BESTANDEN: jeder Schritt innerhalb seiner Grenze</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="334"/>
        <source>FAILED: %1</source>
        <translation>NICHT BESTANDEN: %1</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="339"/>
        <source>REFUSED by the preflight, nothing was changed: %1</source>
        <translation>Von der Vorprüfung ABGELEHNT, nichts wurde verändert: %1</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="343"/>
        <source>ABORTED: %1</source>
        <translation>ABGEBROCHEN: %1</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="357"/>
        <source>Reports: %1 · %2 · %3 · %4</source>
        <translation>Berichte: %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="358"/>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="358"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="359"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="359"/>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillDialog.cpp" line="361"/>
        <source>The reports could not be saved: %1</source>
        <translation>Die Berichte konnten nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>baton::DrillEngine</name>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="99"/>
        <source>%1&apos;s agent answers again</source>
        <translation>Der Agent von %1 antwortet wieder</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="100"/>
        <source>%1&apos;s agent went silent</source>
        <translation>Der Agent von %1 ist verstummt</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="127"/>
        <source>%1 refused the command: %2</source>
        <translation>%1 hat den Befehl abgelehnt: %2</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="149"/>
        <source>%1 aborted: %2</source>
        <translation>%1 abgebrochen: %2</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="152"/>
        <source>aborted: %1</source>
        <translation>abgebrochen: %1</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="193"/>
        <source>both agents answer</source>
        <translation>beide Agenten antworten</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="194"/>
        <source>no live report of vhid %1 from %2</source>
        <translation>kein aktueller Bericht zu vhid %1 von %2</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="206"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="212"/>
        <source>not exactly one MASTER and one BACKUP: %1</source>
        <translation>nicht genau ein MASTER und ein BACKUP: %1</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="219"/>
        <source>%1&apos;s %2 is down</source>
        <translation>%2 von %1 ist abgeschaltet</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="221"/>
        <source>%1 has a link restore pending</source>
        <translation>bei %1 steht eine Wiederherstellung der Verbindung aus</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="223"/>
        <source>%1 is in maintenance</source>
        <translation>%1 ist im Wartungsmodus</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="226"/>
        <source>links up, no restore pending, no maintenance</source>
        <translation>Verbindungen aktiv, keine Wiederherstellung ausstehend, keine Wartung</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="235"/>
        <source>%1, %2 and %3 answer</source>
        <translation>%1, %2 und %3 antworten</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="236"/>
        <source>not answering %1 echoes in a row: %2</source>
        <translation>beantworten nicht %1 Echos in Folge: %2</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="246"/>
        <source>%1 not measured</source>
        <translation>%1 nicht gemessen</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="249"/>
        <source>agent clock minus this one&apos;s: %1 (tolerance ±%2 ms)</source>
        <translation>Uhr des Agenten minus dieser: %1 (Toleranz ±%2 ms)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="254"/>
        <source>no SSH access to the servers as root</source>
        <translation>kein SSH-Zugang zu den Servern als root</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="312"/>
        <source>Take %1 down on %2</source>
        <translation>%1 auf %2 abschalten</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="315"/>
        <source>Bring %1 up on %2</source>
        <translation>%1 auf %2 anschalten</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="318"/>
        <source>Hand the VIP over from %1</source>
        <translation>Die VIP von %1 übergeben</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="321"/>
        <source>Crash the agent on %1</source>
        <translation>Den Agenten auf %1 abstürzen lassen</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="324"/>
        <source>Reboot the server of %1</source>
        <translation>Den Server von %1 neu starten</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="335"/>
        <source>%1&apos;s agent runs advbase %2 advskew %3; the cluster definition says advbase %4 advskew %5, and the bounds follow the definition</source>
        <translation>Der Agent von %1 läuft mit advbase %2 advskew %3; die Cluster-Definition sagt advbase %4 advskew %5, und die Grenzen folgen der Definition</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="361"/>
        <source>%1 takes the VIP; %2 stops answering; the VIP answers again within %3 ms</source>
        <translation>%1 übernimmt die VIP; %2 antwortet nicht mehr; die VIP antwortet innerhalb von %3 ms wieder</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="365"/>
        <source>%1 stops answering; the VIP stays with %2 (no outage over %3 ms)</source>
        <translation>%1 antwortet nicht mehr; die VIP bleibt bei %2 (kein Ausfall über %3 ms)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="372"/>
        <source>; with the peer link ready, %1 tells %2 at once and the outage is far shorter</source>
        <translation>; mit bereiter Partnerverbindung meldet %1 es %2 sofort, und der Ausfall ist weit kürzer</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="376"/>
        <source>asked %1 to take %2 down (its agent restores it after %3 s)</source>
        <translation>%1 gebeten, %2 abzuschalten (sein Agent stellt sie nach %3 s wieder her)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="386"/>
        <source>%1 answers again and takes the VIP back (preempt) within %2 ms of outage</source>
        <translation>%1 antwortet wieder und übernimmt die VIP zurück (preempt), mit höchstens %2 ms Ausfall</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="389"/>
        <source>%1 answers again, %2 rejoins as BACKUP; no second outage (over %3 ms)</source>
        <translation>%1 antwortet wieder, %2 kehrt als BACKUP zurück; kein zweiter Ausfall (über %3 ms)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="394"/>
        <source>asked %1 to bring %2 up</source>
        <translation>%1 gebeten, %2 anzuschalten</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="397"/>
        <source>%1 takes the VIP at once; the VIP answers again within %2 ms</source>
        <translation>%1 übernimmt die VIP sofort; die VIP antwortet innerhalb von %2 ms wieder</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="401"/>
        <source>asked %1 to hand the VIP over</source>
        <translation>%1 gebeten, die VIP zu übergeben</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="408"/>
        <source>%1&apos;s agent dies without a bow-out; %2 takes the VIP within %3 ms; the agent is restarted and removes the VIP it left behind within %4 ms of the takeover</source>
        <translation>Der Agent von %1 stirbt ohne Abmeldung; %2 übernimmt die VIP innerhalb von %3 ms; der Agent wird neu gestartet und entfernt die zurückgelassene VIP innerhalb von %4 ms nach der Übernahme</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="414"/>
        <source>asked %1&apos;s agent to crash (it dies %2 ms later, leaving its VIP)</source>
        <translation>den Agenten von %1 zum Absturz aufgefordert (er stirbt %2 ms später und lässt seine VIP zurück)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="489"/>
        <source>%1 reports MASTER (agent time %2)</source>
        <translation>%1 meldet MASTER (Zeit des Agenten %2)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="494"/>
        <source>%1&apos;s agent is back: started %2 after the reboot command</source>
        <translation>Der Agent von %1 ist zurück: gestartet %2 nach dem Neustartbefehl</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="501"/>
        <source>as expected so far; watching %1 ms more</source>
        <translation>bisher wie erwartet; noch %1 ms beobachten</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="551"/>
        <source>the VIP %1 did not answer again (%2 echoes lost so far)</source>
        <translation>die VIP %1 antwortete nicht wieder (bisher %2 Echos verloren)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="556"/>
        <source>second VIP outage of %1 ms, more than the %2 ms allowed (%3)</source>
        <translation>zweiter VIP-Ausfall von %1 ms, mehr als die erlaubten %2 ms (%3)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="557"/>
        <source>VIP outage of %1 ms exceeds the bound of %2 ms (%3)</source>
        <translation>VIP-Ausfall von %1 ms überschreitet die Grenze von %2 ms (%3)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="573"/>
        <source>%1 kept answering with %2 down</source>
        <translation>%1 antwortete weiter, obwohl %2 abgeschaltet war</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="575"/>
        <location filename="../console/drill/DrillEngine.cpp" line="599"/>
        <location filename="../console/drill/DrillEngine.cpp" line="608"/>
        <location filename="../console/drill/DrillEngine.cpp" line="691"/>
        <source>%1 did not report MASTER</source>
        <translation>%1 meldete nicht MASTER</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="578"/>
        <source>%1 took over on %2&apos;s word over the peer link (the fast path), without waiting for its master-down interval</source>
        <translation>%1 übernahm auf Meldung von %2 über die Partnerverbindung (der schnelle Weg), ohne sein Master-down-Intervall abzuwarten</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="587"/>
        <source>%1 did not answer within %2 ms of the link coming up</source>
        <translation>%1 antwortete nicht innerhalb von %2 ms nach dem Anschalten</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="592"/>
        <source>%1&apos;s agent does not report %2 up</source>
        <translation>Der Agent von %1 meldet %2 nicht als aktiv</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="594"/>
        <location filename="../console/drill/DrillEngine.cpp" line="712"/>
        <source>not exactly one MASTER afterwards</source>
        <translation>danach nicht genau ein MASTER</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="611"/>
        <source>%1 took over %2 ms after the crash command, more than the bound of %3 ms (%4)</source>
        <translation>%1 übernahm %2 ms nach dem Absturzbefehl, mehr als die Grenze von %3 ms (%4)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="619"/>
        <source>%1&apos;s agent did not come back: the VIP it left may still answer there</source>
        <translation>Der Agent von %1 kam nicht zurück: die zurückgelassene VIP antwortet dort womöglich noch</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="623"/>
        <source>%1&apos;s restarted agent holds the VIP</source>
        <translation>Der neu gestartete Agent von %1 hält die VIP</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="633"/>
        <source>the VIP stayed on %1 for %2 ms after %3 took over (allowed: %4 ms for the agent&apos;s restart)</source>
        <translation>die VIP blieb %2 ms auf %1, nachdem %3 übernommen hatte (erlaubt: %4 ms für den Neustart des Agenten)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="640"/>
        <source>both agents reported MASTER for %1 ms</source>
        <translation>beide Agenten meldeten %1 ms lang MASTER</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="643"/>
        <source>the VIP&apos;s MAC went back and forth for %1 ms: two machines answered for it</source>
        <translation>die MAC der VIP wechselte %1 ms lang hin und her: zwei Maschinen antworteten für sie</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="648"/>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="649"/>
        <source>failed: %1</source>
        <translation>nicht bestanden: %1</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="671"/>
        <source>%1&apos;s server reboots (systemctl reboot over SSH); %2 takes the VIP within %3 ms of the command; the server boots and its agent is back within %4 s; then %5 holds the VIP, the only MASTER</source>
        <translation>Der Server von %1 startet neu (systemctl reboot per SSH); %2 übernimmt die VIP innerhalb von %3 ms nach dem Befehl; der Server fährt hoch und sein Agent ist innerhalb von %4 s zurück; danach hält %5 die VIP als einziger MASTER</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="679"/>
        <source>asked %1&apos;s server to reboot over SSH (systemctl reboot)</source>
        <translation>den Server von %1 per SSH zum Neustart aufgefordert (systemctl reboot)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="694"/>
        <source>%1 took over %2 ms after the reboot command, more than the bound of %3 ms (%4)</source>
        <translation>%1 übernahm %2 ms nach dem Neustartbefehl, mehr als die Grenze von %3 ms (%4)</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="700"/>
        <source>%1 kept answering: the server did not go down</source>
        <translation>%1 antwortete weiter: der Server fuhr nicht herunter</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="705"/>
        <source>%1&apos;s agent was not back within %2 s of the reboot: is batond enabled to start at boot?</source>
        <translation>Der Agent von %1 war %2 s nach dem Neustart nicht zurück: ist batond für den Start beim Hochfahren aktiviert?</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="715"/>
        <source>%1 holds the VIP afterwards, not %2</source>
        <translation>Danach hält %1 die VIP, nicht %2</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillEngine.cpp" line="724"/>
        <source>second VIP outage of %1 ms when %2 came back, more than the %3 ms allowed (%4)</source>
        <translation>zweiter VIP-Ausfall von %1 ms, als %2 zurückkam, mehr als die erlaubten %3 ms (%4)</translation>
    </message>
</context>
<context>
    <name>baton::DrillHistoryView</name>
    <message>
        <location filename="../gui/drill/DrillHistoryView.cpp" line="28"/>
        <source>aborted (did not finish)</source>
        <translation>abgebrochen (nicht beendet)</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillHistoryView.cpp" line="30"/>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillHistoryView.cpp" line="32"/>
        <source>failed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillHistoryView.cpp" line="34"/>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillHistoryView.cpp" line="35"/>
        <source>aborted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillHistoryView.cpp" line="61"/>
        <source>No drills yet.</source>
        <translation>Noch keine Übungen.</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillHistoryView.cpp" line="82"/>
        <source>Longest VIP outage of each drill, oldest left (green passed, red failed, orange refused or aborted):</source>
        <translation>Längster VIP-Ausfall jeder Übung, die älteste links (grün bestanden, rot nicht bestanden, orange abgelehnt oder abgebrochen):</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillHistoryView.cpp" line="91"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillHistoryView.cpp" line="91"/>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillHistoryView.cpp" line="91"/>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillHistoryView.cpp" line="91"/>
        <source>VIP outage</source>
        <translation>VIP-Ausfall</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillHistoryView.cpp" line="124"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>baton::DrillRunner</name>
    <message>
        <location filename="../console/drill/DrillRunner.cpp" line="42"/>
        <source>the drill was closed</source>
        <translation>die Übung wurde geschlossen</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillRunner.cpp" line="54"/>
        <source>this drill has already run</source>
        <translation>diese Übung ist schon gelaufen</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillRunner.cpp" line="58"/>
        <source>the reboot drill needs SSH access to both servers</source>
        <translation>die Neustart-Übung braucht SSH-Zugang zu beiden Servern</translation>
    </message>
    <message>
        <location filename="../console/drill/DrillRunner.cpp" line="87"/>
        <source>SSH: %1</source>
        <translation>SSH: %1</translation>
    </message>
</context>
<context>
    <name>baton::DrillTimelineView</name>
    <message>
        <location filename="../gui/drill/DrillTimelineView.cpp" line="16"/>
        <source>Drill timeline</source>
        <translation>Zeitverlauf der Übung</translation>
    </message>
    <message>
        <location filename="../gui/drill/DrillTimelineView.cpp" line="42"/>
        <source>The timeline appears when the drill starts.</source>
        <translation>Der Zeitverlauf erscheint, sobald die Übung beginnt.</translation>
    </message>
</context>
<context>
    <name>baton::EventLogModel</name>
    <message>
        <location filename="../gui/log/EventLogModel.cpp" line="115"/>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogModel.cpp" line="117"/>
        <source>rejected packet</source>
        <translation>abgelehntes Paket</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogModel.cpp" line="119"/>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogModel.cpp" line="121"/>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogModel.cpp" line="123"/>
        <source>connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogModel.cpp" line="125"/>
        <source>reachability</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogModel.cpp" line="127"/>
        <source>alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogModel.cpp" line="216"/>
        <source>%1, from the agent&apos;s own history: it happened while this window was not watching (the agent&apos;s clock converted to this computer&apos;s)</source>
        <translation>%1, aus dem Verlauf des Agenten: Es geschah, während dieses Fenster nicht zusah (die Uhr des Agenten auf die dieses Rechners umgerechnet)</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogModel.cpp" line="256"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogModel.cpp" line="258"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogModel.cpp" line="260"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogModel.cpp" line="262"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>baton::EventLogStore</name>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="59"/>
        <source>not JSON (%1)</source>
        <translation>kein JSON (%1)</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="68"/>
        <source>not an event (t, node, kind and text expected)</source>
        <translation>kein Ereignis (t, node, kind und text erwartet)</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="78"/>
        <source>an agent event without its agent time or identity</source>
        <translation>ein Agenten-Ereignis ohne Agentenzeit oder Kennung</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="107"/>
        <source>The saved event log %1 ended in a line cut short (the window was stopped while writing it); that line was left out.</source>
        <translation>Das gespeicherte Ereignisprotokoll %1 endete mit einer abgeschnittenen Zeile (das Fenster wurde beim Schreiben beendet); diese Zeile wurde ausgelassen.</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="135"/>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="137"/>
        <source>larger than %1 MiB</source>
        <translation>größer als %1 MiB</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="142"/>
        <source>The saved event log %1 cannot be read (%2): this window neither shows nor changes it.</source>
        <translation>Das gespeicherte Ereignisprotokoll %1 kann nicht gelesen werden (%2): Dieses Fenster zeigt es weder an noch ändert es.</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="164"/>
        <source>line 1: not a Baton event log</source>
        <translation>Zeile 1: kein Baton-Ereignisprotokoll</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="169"/>
        <source>The saved event log %1 is version %2, which this Baton does not read (it reads version %3): this window neither shows nor changes it.</source>
        <translation>Das gespeicherte Ereignisprotokoll %1 hat Version %2, die diese Baton-Version nicht liest (sie liest Version %3): Dieses Fenster zeigt es weder an noch ändert es.</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="181"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="203"/>
        <source>The saved event log %1 cannot be read (%2) and could not be moved aside: this window does not write to it. Move or remove it, then open the cluster again.</source>
        <translation>Das gespeicherte Ereignisprotokoll %1 kann nicht gelesen werden (%2) und konnte nicht beiseitegelegt werden: Dieses Fenster schreibt nicht hinein. Verschieben oder entfernen Sie es und öffnen Sie den Cluster dann erneut.</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="211"/>
        <source>The saved event log %1 could not be read (%2). It was kept as %3 and a new one was started.</source>
        <translation>Das gespeicherte Ereignisprotokoll %1 konnte nicht gelesen werden (%2). Es wurde als %3 aufbewahrt und ein neues begonnen.</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="253"/>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogStore.cpp" line="304"/>
        <source>The event log cannot be saved to %1: %2</source>
        <translation>Das Ereignisprotokoll kann nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>baton::EventLogView</name>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="39"/>
        <source>Filter events</source>
        <translation>Ereignisse filtern</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="44"/>
        <source>Show the events of one node only</source>
        <translation>Nur die Ereignisse eines Knotens anzeigen</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="50"/>
        <source>Show one kind of event only</source>
        <translation>Nur eine Art von Ereignissen anzeigen</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="51"/>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="60"/>
        <location filename="../gui/log/EventLogView.cpp" line="100"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="61"/>
        <source>Copy the selected events, or all events shown, as text</source>
        <translation>Die ausgewählten Ereignisse oder alle angezeigten Ereignisse als Text kopieren</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="63"/>
        <location filename="../gui/log/EventLogView.cpp" line="105"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="65"/>
        <source>Save the events shown as CSV or JSON</source>
        <translation>Die angezeigten Ereignisse als CSV oder JSON speichern</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="70"/>
        <source>Events the agents kept while this window was not watching, read from their histories when they connected. Their rows are marked with ◷.</source>
        <translation>Ereignisse, die die Agenten festgehalten haben, während dieses Fenster nicht zusah, beim Verbinden aus ihrem Verlauf gelesen. Ihre Zeilen sind mit ◷ markiert.</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="124"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="151"/>
        <source>All nodes</source>
        <translation>Alle Knoten</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="210"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="211"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="212"/>
        <location filename="../gui/log/EventLogView.cpp" line="232"/>
        <source>Export events</source>
        <translation>Ereignisse exportieren</translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="243"/>
        <source>◷ One event since you last looked</source>
        <translation>◷ Ein Ereignis seit Ihrem letzten Blick</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/log/EventLogView.cpp" line="244"/>
        <source>◷ %n events since you last looked</source>
        <translation>
            <numerusform>◷ %n Ereignis seit Ihrem letzten Blick</numerusform>
            <numerusform>◷ %n Ereignisse seit Ihrem letzten Blick</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/log/EventLogView.cpp" line="255"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>baton::ForgeryMonitor</name>
    <message>
        <location filename="../console/alarm/ForgeryMonitor.cpp" line="78"/>
        <source>%1, vhid %2: adverts that look forged (%3) ignored: %4.</source>
        <translation>%1, vhid %2: ignorierte Adverts, die gefälscht aussehen (%3): %4.</translation>
    </message>
    <message>
        <location filename="../console/alarm/ForgeryMonitor.cpp" line="80"/>
        <source>%1, vhid %2: adverts that look forged (%3) ignored: %4, the last from %5.</source>
        <translation>%1, vhid %2: ignorierte Adverts, die gefälscht aussehen (%3): %4, zuletzt von %5.</translation>
    </message>
</context>
<context>
    <name>baton::FreedesktopNotifications</name>
    <message>
        <location filename="../gui/notify/FreedesktopNotifications.cpp" line="78"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>baton::GuiDeployPrompter</name>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="33"/>
        <source>Unknown host key</source>
        <translation>Unbekannter Host-Schlüssel</translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="34"/>
        <source>&lt;p&gt;First contact with &lt;b&gt;%1&lt;/b&gt; (%2 port %3).&lt;/p&gt;&lt;p&gt;It identifies itself with this %4 key:&lt;br&gt;&lt;tt&gt;%5&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Compare it on the server&apos;s console before you trust it:&lt;br&gt;&lt;tt&gt;%6&lt;/tt&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Erster Kontakt mit &lt;b&gt;%1&lt;/b&gt; (%2 Port %3).&lt;/p&gt;&lt;p&gt;Er weist sich mit diesem %4-Schlüssel aus:&lt;br&gt;&lt;tt&gt;%5&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Vergleichen Sie ihn auf der Konsole des Servers, bevor Sie ihm vertrauen:&lt;br&gt;&lt;tt&gt;%6&lt;/tt&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="44"/>
        <source>Trust and continue</source>
        <translation>Vertrauen und fortfahren</translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="74"/>
        <source>Key passphrase</source>
        <translation>Passphrase des Schlüssels</translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="75"/>
        <source>Wrong passphrase. </source>
        <translation>Falsche Passphrase. </translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="76"/>
        <source>Passphrase of the key %1 (to log in to %2):</source>
        <translation>Passphrase des Schlüssels %1 (zur Anmeldung an %2):</translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="82"/>
        <source>Log in to %1</source>
        <translation>Anmeldung an %1</translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="83"/>
        <source>Refused. </source>
        <translation>Abgelehnt. </translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="83"/>
        <source>%1 asks: %2</source>
        <translation>%1 fragt: %2</translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="88"/>
        <source>sudo on %1</source>
        <translation>sudo auf %1</translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="89"/>
        <source>%1 is not root on %2: the password sudo asks of %1 (asked once for this server):</source>
        <translation>%1 ist auf %2 nicht root: das Passwort, das sudo von %1 verlangt (einmal für diesen Server gefragt):</translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="96"/>
        <source>Deploy?</source>
        <translation>Verteilen?</translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="97"/>
        <source>Nothing has changed yet. Carry out this plan on both servers?</source>
        <translation>Noch hat sich nichts geändert. Diesen Plan auf beiden Servern ausführen?</translation>
    </message>
    <message>
        <location filename="../gui/deploy/GuiDeployPrompter.cpp" line="101"/>
        <source>Deploy</source>
        <translation>Verteilen</translation>
    </message>
</context>
<context>
    <name>baton::HistoryFetcher</name>
    <message>
        <location filename="../gui/log/HistoryFetcher.cpp" line="63"/>
        <source>The agent&apos;s history could not be used: its reply has no list of events.</source>
        <translation>Der Verlauf des Agenten war nicht verwendbar: Seine Antwort enthält keine Liste von Ereignissen.</translation>
    </message>
    <message>
        <location filename="../gui/log/HistoryFetcher.cpp" line="68"/>
        <source>The agent&apos;s history could not be used: its reply holds %1 events, more than the %2 asked for.</source>
        <translation>Der Verlauf des Agenten war nicht verwendbar: Seine Antwort enthält %1 Ereignisse, mehr als die angeforderten %2.</translation>
    </message>
    <message>
        <location filename="../gui/log/HistoryFetcher.cpp" line="84"/>
        <source>not a map</source>
        <translation>keine Map</translation>
    </message>
    <message>
        <location filename="../gui/log/HistoryFetcher.cpp" line="89"/>
        <source>event %1: %2</source>
        <translation>Ereignis %1: %2</translation>
    </message>
    <message>
        <location filename="../gui/log/HistoryFetcher.cpp" line="95"/>
        <source>Left out unreadable events from the agent&apos;s history: %1 of %2 (the first: %3).</source>
        <translation>Unlesbare Ereignisse aus dem Verlauf des Agenten ausgelassen: %1 von %2 (das erste: %3).</translation>
    </message>
    <message>
        <location filename="../gui/log/HistoryFetcher.cpp" line="116"/>
        <source>This agent keeps no history (it is older than this window): what happened while the window was not watching cannot be shown.</source>
        <translation>Dieser Agent führt keinen Verlauf (er ist älter als dieses Fenster): Was geschah, während das Fenster nicht zusah, kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <location filename="../gui/log/HistoryFetcher.cpp" line="121"/>
        <source>The agent refused to send its history: %1</source>
        <translation>Der Agent hat das Senden seines Verlaufs abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../gui/log/HistoryFetcher.cpp" line="132"/>
        <source>The connection ended while the agent&apos;s history was on its way; it is asked for again, at most %1 events, when the agent is back.</source>
        <translation>Die Verbindung endete, während der Verlauf des Agenten unterwegs war; er wird erneut angefordert, höchstens %1 Ereignisse, sobald der Agent wieder erreichbar ist.</translation>
    </message>
</context>
<context>
    <name>baton::IcmpProber</name>
    <message>
        <location filename="../console/probe/IcmpProber.cpp" line="75"/>
        <source>ICMP socket</source>
        <translation>ICMP-Socket</translation>
    </message>
    <message>
        <location filename="../console/probe/IcmpProber.cpp" line="77"/>
        <source>system ping</source>
        <translation>System-ping</translation>
    </message>
    <message>
        <location filename="../console/probe/IcmpProber.cpp" line="79"/>
        <source>raw ICMP socket</source>
        <translation>Raw-ICMP-Socket</translation>
    </message>
    <message>
        <location filename="../console/probe/IcmpProber.cpp" line="83"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../console/probe/IcmpProber.cpp" line="95"/>
        <source>set net.ipv4.ping_group_range to include your group (gid %1): sysctl -w net.ipv4.ping_group_range=&apos;0 2147483647&apos;, and the same in a file in /etc/sysctl.d/ to keep it</source>
        <translation>erweitern Sie net.ipv4.ping_group_range um Ihre Gruppe (gid %1): sysctl -w net.ipv4.ping_group_range=&apos;0 2147483647&apos;, und tragen Sie dasselbe dauerhaft in eine Datei unter /etc/sysctl.d/ ein</translation>
    </message>
    <message>
        <location filename="../console/probe/IcmpProber.cpp" line="102"/>
        <source>Using the unprivileged ICMP socket: the best method, nothing to change.</source>
        <translation>Verwendet wird der unprivilegierte ICMP-Socket: die beste Methode, nichts zu ändern.</translation>
    </message>
    <message>
        <location filename="../console/probe/IcmpProber.cpp" line="105"/>
        <source>Using the system&apos;s ping, one process per address. For the faster ICMP socket, %1.</source>
        <translation>Verwendet wird das ping des Systems, ein Prozess pro Adresse. Für den schnelleren ICMP-Socket %1.</translation>
    </message>
    <message>
        <location filename="../console/probe/IcmpProber.cpp" line="109"/>
        <source>This ping allows unprivileged users one echo every %1 ms only, so each address is probed %2 times a second instead of 10.</source>
        <translation>Dieses ping erlaubt unprivilegierten Benutzern nur ein Echo alle %1 ms, daher wird jede Adresse %2-mal pro Sekunde statt 10-mal geprüft.</translation>
    </message>
    <message>
        <location filename="../console/probe/IcmpProber.cpp" line="115"/>
        <source>Using a raw ICMP socket, because this program has the CAP_NET_RAW privilege. The window should run without privileges; for the unprivileged ICMP socket, %1.</source>
        <translation>Verwendet wird ein Raw-ICMP-Socket, da dieses Programm das Privileg CAP_NET_RAW besitzt. Das Fenster sollte ohne Privilegien laufen; für den unprivilegierten ICMP-Socket %1.</translation>
    </message>
    <message>
        <location filename="../console/probe/IcmpProber.cpp" line="120"/>
        <source>No way to send ICMP echo requests: %1, or install the system&apos;s ping (Debian package iputils-ping). Addresses are not probed.</source>
        <translation>ICMP-Echo-Requests können nicht gesendet werden: %1, oder installieren Sie das ping des Systems (Debian-Paket iputils-ping). Adressen werden nicht geprüft.</translation>
    </message>
    <message>
        <location filename="../console/probe/IcmpProber.cpp" line="126"/>
        <source>Not used: %1.</source>
        <translation>Nicht verwendet: %1.</translation>
    </message>
</context>
<context>
    <name>baton::LinkDownDialog</name>
    <message>
        <location filename="../gui/node/LinkDownDialog.cpp" line="23"/>
        <source>Take %1 down</source>
        <translation>%1 deaktivieren</translation>
    </message>
    <message>
        <location filename="../gui/node/LinkDownDialog.cpp" line="26"/>
        <source>&lt;b&gt;Take %1 down on %2?&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 auf %2 deaktivieren?&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../gui/node/LinkDownDialog.cpp" line="28"/>
        <source>The agent sets the link down now and brings it up again by itself when the time below has passed, even if this window closes or loses its connection.</source>
        <translation>Der Agent setzt den Link jetzt auf down und aktiviert ihn nach Ablauf der unten angegebenen Zeit selbstständig wieder, auch wenn dieses Fenster geschlossen wird oder seine Verbindung verliert.</translation>
    </message>
    <message>
        <location filename="../gui/node/LinkDownDialog.cpp" line="36"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../gui/node/LinkDownDialog.cpp" line="40"/>
        <source>Bring it back &amp;after:</source>
        <translation>Wieder aktivieren &amp;nach:</translation>
    </message>
    <message>
        <location filename="../gui/node/LinkDownDialog.cpp" line="41"/>
        <source>It comes back at:</source>
        <translation>Wieder aktiv um:</translation>
    </message>
    <message>
        <location filename="../gui/node/LinkDownDialog.cpp" line="43"/>
        <source>If this console reaches the agent over %1, the agent stays unreachable until the link is back.</source>
        <translation>Falls diese Konsole den Agenten über %1 erreicht, bleibt der Agent unerreichbar, bis der Link wieder da ist.</translation>
    </message>
    <message>
        <location filename="../gui/node/LinkDownDialog.cpp" line="51"/>
        <source>Take %1 &amp;down</source>
        <translation>%1 &amp;deaktivieren</translation>
    </message>
    <message>
        <location filename="../gui/node/LinkDownDialog.cpp" line="78"/>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
</context>
<context>
    <name>baton::MainWindow</name>
    <message>
        <location filename="../gui/MainWindow.cpp" line="74"/>
        <location filename="../gui/MainWindow.cpp" line="442"/>
        <location filename="../gui/MainWindow.cpp" line="523"/>
        <source>Baton</source>
        <translation>Baton</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="97"/>
        <source>SPLIT BRAIN</source>
        <translation>SPLIT BRAIN</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="99"/>
        <source>SUSPECTED FORGED ADVERTS</source>
        <translation>VERDACHT AUF GEFÄLSCHTE ADVERTS</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="128"/>
        <source>Baton %1</source>
        <translation>Baton %1</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="135"/>
        <source>%1 stopped answering (first echo lost at %2)</source>
        <translation>%1 antwortet nicht mehr (erstes Echo verloren um %2)</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="141"/>
        <source>%1 answers again, after %2 s without answer</source>
        <translation>%1 antwortet wieder, nach %2 s ohne Antwort</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="151"/>
        <source>Your cluster list cannot be read, so Baton will not change it: %1</source>
        <translation>Ihre Clusterliste kann nicht gelesen werden, daher ändert Baton sie nicht: %1</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="170"/>
        <source>&amp;Add cluster…</source>
        <translation>Cluster &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="172"/>
        <source>&amp;Edit cluster…</source>
        <translation>Cluster be&amp;arbeiten…</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="174"/>
        <source>&amp;Remove cluster</source>
        <translation>Cluster &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="176"/>
        <source>Failover &amp;drills…</source>
        <translation>Failover-&amp;Übungen …</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="177"/>
        <source>Run a guided failover drill with a report, or see past drills</source>
        <translation>Eine geführte Failover-Übung mit Bericht durchführen oder frühere Übungen ansehen</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="182"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="186"/>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="196"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="205"/>
        <source>No cluster</source>
        <translation>Kein Cluster</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="207"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="210"/>
        <source>Cluster: </source>
        <translation>Cluster: </translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="223"/>
        <source>&lt;h2&gt;No cluster is open&lt;/h2&gt;&lt;p&gt;Add a cluster to watch it: its name, VIP and vhid, both nodes with the addresses of their agents, and the PKI folder with this console&apos;s certificate (made with &lt;tt&gt;batonctl pki init&lt;/tt&gt; and &lt;tt&gt;batonctl pki issue-console&lt;/tt&gt;).&lt;/p&gt;&lt;p&gt;Use &lt;b&gt;Cluster → Add cluster…&lt;/b&gt;, or start Baton with &lt;tt&gt;--cluster FILE&lt;/tt&gt; to open a cluster definition file directly.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Kein Cluster geöffnet&lt;/h2&gt;&lt;p&gt;Fügen Sie einen Cluster hinzu, um ihn zu überwachen: seinen Namen, VIP und vhid, beide Knoten mit den Adressen ihrer Agenten sowie den PKI-Ordner mit dem Zertifikat dieser Konsole (erstellt mit &lt;tt&gt;batonctl pki init&lt;/tt&gt; und &lt;tt&gt;batonctl pki issue-console&lt;/tt&gt;).&lt;/p&gt;&lt;p&gt;Verwenden Sie &lt;b&gt;Cluster → Cluster hinzufügen…&lt;/b&gt; oder starten Sie Baton mit &lt;tt&gt;--cluster DATEI&lt;/tt&gt;, um eine Cluster-Definitionsdatei direkt zu öffnen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="231"/>
        <source>Add cluster…</source>
        <translation>Cluster hinzufügen…</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="334"/>
        <source>%1 — Baton</source>
        <translation>%1 — Baton</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="337"/>
        <source>Opened cluster %1: VIP %2, vhid %3</source>
        <translation>Cluster %1 geöffnet: VIP %2, vhid %3</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="341"/>
        <source>This cluster definition breaks a rule: %1</source>
        <translation>Diese Cluster-Definition verletzt eine Regel: %1</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="373"/>
        <source>The agents are not contacted: this console&apos;s certificate cannot be loaded (%1). Set the cluster&apos;s PKI folder (Cluster → Edit cluster…) to the folder made by batonctl pki init, with a console certificate issued by batonctl pki issue-console.</source>
        <translation>Die Agenten werden nicht kontaktiert: Das Zertifikat dieser Konsole kann nicht geladen werden (%1). Legen Sie als PKI-Ordner des Clusters (Cluster → Cluster bearbeiten…) den von batonctl pki init angelegten Ordner fest, mit einem von batonctl pki issue-console ausgestellten Konsolenzertifikat.</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="378"/>
        <source>No node view without this console&apos;s certificate: see above.</source>
        <translation>Ohne das Zertifikat dieser Konsole keine Knotenansicht: siehe oben.</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="430"/>
        <source>Closed cluster %1</source>
        <translation>Cluster %1 geschlossen</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="695"/>
        <source>Started with --start-in-tray, but this desktop shows no tray icons: here is the window</source>
        <translation>Mit --start-in-tray gestartet, aber dieser Desktop zeigt keine Symbole im Infobereich: hier ist das Fenster</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="866"/>
        <source>%1 (not saved)</source>
        <translation>%1 (nicht gespeichert)</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="867"/>
        <source>%1 (from %2)</source>
        <translation>%1 (aus %2)</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="541"/>
        <source>Add cluster</source>
        <translation>Cluster hinzufügen</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="292"/>
        <source>The cluster file cannot be used: %1</source>
        <translation>Die Cluster-Datei kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="401"/>
        <source>Agent at %1:%2</source>
        <translation>Agent unter %1:%2</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="553"/>
        <source>Edit cluster</source>
        <translation>Cluster bearbeiten</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="554"/>
        <source>Edit cluster and add it to the list</source>
        <translation>Cluster bearbeiten und zur Liste hinzufügen</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="576"/>
        <source>The cluster is open but was not saved. %1</source>
        <translation>Der Cluster ist geöffnet, wurde aber nicht gespeichert. %1</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="580"/>
        <source>Saved %1 in %2</source>
        <translation>%1 in %2 gespeichert</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="626"/>
        <source>The cluster&apos;s new settings were not saved. %1</source>
        <translation>Die neuen Einstellungen des Clusters wurden nicht gespeichert. %1</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="636"/>
        <source>Remove cluster</source>
        <translation>Cluster entfernen</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="637"/>
        <source>Remove %1 from your cluster list? Its nodes and agents are not changed.</source>
        <translation>%1 aus Ihrer Clusterliste entfernen? Seine Knoten und Agenten bleiben unverändert.</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="761"/>
        <source>Agent %1 is live (%2 access)</source>
        <translation>Agent %1 ist aktiv (Zugriff: %2)</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="763"/>
        <source>operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="763"/>
        <source>read-only</source>
        <translation>nur lesend</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="767"/>
        <source>Agent silent for %1 s: its last status may be out of date</source>
        <translation>Agent seit %1 s still: sein letzter Status ist möglicherweise veraltet</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="772"/>
        <source>Agent unreachable: %1</source>
        <translation>Agent nicht erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="790"/>
        <source>Suspected forgery: %1</source>
        <translation>Verdacht auf Fälschung: %1</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="794"/>
        <source>Someone on this network may be replaying or editing the pair&apos;s adverts; the agents ignore them. See the event log and docs/batond.md, &quot;Forged adverts&quot;.</source>
        <translation>Jemand in diesem Netz spielt möglicherweise Adverts des Paares erneut ein oder verändert sie; die Agenten ignorieren sie. Siehe das Ereignisprotokoll und docs/batond.md, „Forged adverts“.</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="806"/>
        <source>Split brain: %1</source>
        <translation>Split Brain: %1</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="810"/>
        <source>Split brain over: no more than one node claims the VIP.</source>
        <translation>Split Brain beendet: Höchstens ein Knoten beansprucht die VIP.</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="818"/>
        <source>Probing with: %1</source>
        <translation>Prüfung mit: %1</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="90"/>
        <source>The VIP is answered by %1</source>
        <translation>Die VIP wird von %1 beantwortet</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="91"/>
        <source>The VIP moved from %1 to %2</source>
        <translation>Die VIP ist von %1 zu %2 gewechselt</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="887"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="179"/>
        <source>De&amp;ploy cluster…</source>
        <translation>Cluster &amp;verteilen…</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="180"/>
        <source>Install and configure the agents on both servers over SSH</source>
        <translation>Die Agenten auf beiden Servern über SSH installieren und einrichten</translation>
    </message>
    <message>
        <location filename="../gui/MainWindow.cpp" line="616"/>
        <source>Deployed %1: connecting to both agents</source>
        <translation>%1 verteilt: Verbindung zu beiden Agenten wird aufgebaut</translation>
    </message>
</context>
<context>
    <name>baton::NodeCard</name>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="85"/>
        <source>maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="88"/>
        <source>master</source>
        <translation>master</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="90"/>
        <source>backup</source>
        <translation>backup</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="94"/>
        <source>init</source>
        <translation>init</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="99"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="144"/>
        <source>Interface:</source>
        <translation>Schnittstelle:</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="145"/>
        <source>Link:</source>
        <translation>Link:</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="146"/>
        <source>VIP:</source>
        <translation>VIP:</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="147"/>
        <source>CARP:</source>
        <translation>CARP:</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="148"/>
        <source>Peer:</source>
        <translation>Peer:</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="149"/>
        <source>Fast failover:</source>
        <translation>Schneller Failover:</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="151"/>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="165"/>
        <source>Take interface &amp;down…</source>
        <translation>Schnittstelle &amp;deaktivieren…</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="167"/>
        <source>Bring it &amp;up now</source>
        <translation>Jetzt &amp;aktivieren</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="169"/>
        <source>&amp;Hand over</source>
        <translation>Ü&amp;bergabe</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="171"/>
        <location filename="../gui/node/NodeCard.cpp" line="507"/>
        <source>Start &amp;maintenance</source>
        <translation>&amp;Wartungsmodus starten</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="289"/>
        <source>unknown — last seen %1 ago</source>
        <translation>unbekannt — zuletzt gesehen vor %1</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="291"/>
        <source>unknown — connecting…</source>
        <translation>unbekannt — Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="293"/>
        <source>unknown — never reached</source>
        <translation>unbekannt — nie erreicht</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="302"/>
        <source>Last known: %1 at %2</source>
        <translation>Zuletzt bekannt: %1 um %2</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="310"/>
        <source>NO GROUPS</source>
        <translation>KEINE GRUPPEN</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="313"/>
        <source>MAINTENANCE</source>
        <translation>WARTUNG</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="318"/>
        <source>MASTER</source>
        <translation>MASTER</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="322"/>
        <source>BACKUP</source>
        <translation>BACKUP</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="326"/>
        <source>INIT</source>
        <translation>INIT</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="340"/>
        <source>since %1, for %2 (%3)</source>
        <translation>seit %1, Dauer %2 (%3)</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="359"/>
        <source>%1 · vhid %2 · %3</source>
        <translation>%1 · vhid %2 · %3</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="360"/>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="360"/>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="363"/>
        <source>%1 held here</source>
        <translation>%1 hier gehalten</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="363"/>
        <source>%1 not held</source>
        <translation>%1 nicht gehalten</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="364"/>
        <source>advbase %1 s · advskew %2 · demote %3 · preempt %4</source>
        <translation>advbase %1 s · advskew %2 · demote %3 · preempt %4</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="368"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="368"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="370"/>
        <source>none heard</source>
        <translation>keiner gehört</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="373"/>
        <source>%1, heard %2 ago</source>
        <translation>%1, gehört vor %2</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="377"/>
        <source>vhid %1 on %2: %3</source>
        <translation>vhid %1 auf %2: %3</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="394"/>
        <source>the agent cannot use its certificate files (%1): renew them before its channel restarts</source>
        <translation>der Agent kann seine Zertifikatsdateien nicht verwenden (%1): erneuern Sie sie, bevor sein Kanal neu startet</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="398"/>
        <source>expired on %1</source>
        <translation>abgelaufen am %1</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="399"/>
        <source>expires in %1, on %2: issue a new one (batonctl pki issue-agent --replace)</source>
        <translation>läuft in %1 ab, am %2: stellen Sie ein neues aus (batonctl pki issue-agent --replace)</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="414"/>
        <source>Agent: connecting to %1:%2…</source>
        <translation>Agent: Verbindung zu %1:%2 wird aufgebaut…</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="418"/>
        <source>Agent: live · last heartbeat %1 ago · %2</source>
        <translation>Agent: aktiv · letzter Heartbeat vor %1 · %2</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="420"/>
        <source>operator access</source>
        <translation>Bedienzugriff</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="421"/>
        <source>read-only access</source>
        <translation>nur Lesezugriff</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="426"/>
        <source>Agent: stale · connected, but nothing heard for %1</source>
        <translation>Agent: veraltet · verbunden, aber seit %1 keine Nachricht</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="436"/>
        <source>Agent: unreachable (expected: its link is down until %1) · %2</source>
        <translation>Agent: nicht erreichbar (erwartet: sein Link ist bis %1 down) · %2</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="442"/>
        <source>Agent: unreachable · %1 · retrying every %2 s</source>
        <translation>Agent: nicht erreichbar · %1 · neuer Versuch alle %2 s</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="459"/>
        <source>%1 comes back in %2 (at %3)</source>
        <translation>%1 wird in %2 wieder aktiviert (um %3)</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="463"/>
        <source>%1 was due back at %2</source>
        <translation>%1 hätte um %2 wieder aktiv sein sollen</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="478"/>
        <source>The agent is not connected live.</source>
        <translation>Der Agent ist nicht aktiv verbunden.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="480"/>
        <source>This console&apos;s certificate is read-only: it may watch, not change anything.</source>
        <translation>Das Zertifikat dieser Konsole erlaubt nur Lesezugriff: Sie dürfen beobachten, aber nichts ändern.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="482"/>
        <source>The agent has no CARP group.</source>
        <translation>Der Agent hat keine CARP-Gruppe.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="484"/>
        <source>Waiting for the agent&apos;s answer to the last command.</source>
        <translation>Warten auf die Antwort des Agenten auf den letzten Befehl.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="495"/>
        <source>%1 is already down; the agent brings it back by itself.</source>
        <translation>%1 ist bereits deaktiviert; der Agent aktiviert die Schnittstelle selbstständig wieder.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="496"/>
        <source>Set %1 down on this node; the agent brings it back after a delay you choose.</source>
        <translation>%1 auf diesem Knoten deaktivieren; der Agent aktiviert die Schnittstelle nach einer von Ihnen gewählten Zeit wieder.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="498"/>
        <source>%1 is down already.</source>
        <translation>%1 ist bereits deaktiviert.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="500"/>
        <source>Set %1 up now instead of at its restore deadline.</source>
        <translation>%1 jetzt aktivieren statt zum geplanten Wiederherstellungszeitpunkt.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="501"/>
        <source>No restore is pending: %1 is up.</source>
        <translation>Keine Wiederherstellung ausstehend: %1 ist aktiv.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="504"/>
        <source>Give up the VIP now: the peer takes over at once.</source>
        <translation>VIP jetzt abgeben: Der Peer übernimmt sofort.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="505"/>
        <source>Only the master can hand over.</source>
        <translation>Nur der MASTER kann eine Übergabe durchführen.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="507"/>
        <source>End &amp;maintenance</source>
        <translation>&amp;Wartungsmodus beenden</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="509"/>
        <source>Let this node take part in elections again.</source>
        <translation>Diesen Knoten wieder an Wahlen teilnehmen lassen.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="510"/>
        <source>Keep this node backup (demoted) until maintenance ends, also across restarts.</source>
        <translation>Diesen Knoten bis zum Ende des Wartungsmodus als BACKUP halten (demoted), auch über Neustarts hinweg.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="550"/>
        <source>Taking %1 down for %2</source>
        <translation>Deaktivieren von %1 für %2</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="561"/>
        <source>Bringing %1 up</source>
        <translation>Aktivieren von %1</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="576"/>
        <source>Not handed over: %1.</source>
        <translation>Nicht abgegeben: %1.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="577"/>
        <source>Hand-over not sent: %1</source>
        <translation>Abgabe nicht gesendet: %1</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="587"/>
        <source>Hand over %1?</source>
        <translation>%1 abgeben?</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="604"/>
        <source>Handing over</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="613"/>
        <source>Starting maintenance</source>
        <translation>Starten des Wartungsmodus</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="613"/>
        <source>Ending maintenance</source>
        <translation>Beenden des Wartungsmodus</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="620"/>
        <source>%1 failed: the agent is not connected.</source>
        <translation>%1 fehlgeschlagen: Der Agent ist nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="624"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="638"/>
        <source>%1 is down; the agent brings it back at %2.</source>
        <translation>%1 ist deaktiviert; der Agent aktiviert die Schnittstelle um %2 wieder.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="644"/>
        <source>%1 is up again.</source>
        <translation>%1 ist wieder aktiv.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="647"/>
        <source>Handed over: the peer takes the VIP.</source>
        <translation>Übergeben: Der Peer übernimmt die VIP.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="650"/>
        <source>Maintenance is on: this node stays backup.</source>
        <translation>Wartungsmodus ist an: Dieser Knoten bleibt BACKUP.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="651"/>
        <source>Maintenance is off.</source>
        <translation>Wartungsmodus ist aus.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="655"/>
        <source>%1: done.</source>
        <translation>%1: erledigt.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="668"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="677"/>
        <source>%1: no answer, the connection was lost. The node&apos;s state shows once the agent is back.</source>
        <translation>%1: keine Antwort, die Verbindung ging verloren. Der Zustand des Knotens wird angezeigt, sobald der Agent wieder erreichbar ist.</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="686"/>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location filename="../gui/node/NodeCard.cpp" line="688"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>baton::Notifier</name>
    <message>
        <location filename="../gui/notify/Notifier.cpp" line="78"/>
        <source>%1× since %2</source>
        <translation>%1× seit %2</translation>
    </message>
</context>
<context>
    <name>baton::OverviewModel</name>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="44"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="46"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="48"/>
        <source>MASTER</source>
        <translation>MASTER</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="50"/>
        <source>Last failover</source>
        <translation>Letzter Failover</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="52"/>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="62"/>
        <source>All well</source>
        <translation>Alles in Ordnung</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="64"/>
        <source>Nothing heard yet</source>
        <translation>Noch nichts gehört</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="66"/>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="68"/>
        <source>Alarm: the VIP is at risk</source>
        <translation>Alarm: die VIP ist gefährdet</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="122"/>
        <source>%1 answers</source>
        <translation>%1 antwortet</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="124"/>
        <source>%1 SILENT</source>
        <translation>%1 STUMM</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="126"/>
        <source>%1 not probed yet</source>
        <translation>%1 noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="137"/>
        <location filename="../gui/overview/OverviewModel.cpp" line="156"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="137"/>
        <source>cannot connect</source>
        <translation>keine Verbindung</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="140"/>
        <source>%1 (and %2 more)</source>
        <translation>%1 (und %2 weitere)</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="151"/>
        <source>%1 (two holders)</source>
        <translation>%1 (zwei Halter)</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="151"/>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="155"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="163"/>
        <source>none seen</source>
        <translation>keiner gesehen</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="170"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="170"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="175"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="176"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewModel.cpp" line="177"/>
        <source>%1, outage %2</source>
        <translation>%1, Ausfall %2</translation>
    </message>
</context>
<context>
    <name>baton::OverviewWindow</name>
    <message>
        <location filename="../gui/overview/OverviewWindow.cpp" line="31"/>
        <source>Baton: all clusters</source>
        <translation>Baton: alle Cluster</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewWindow.cpp" line="36"/>
        <source>Filter: name, address, node or alarm</source>
        <translation>Filter: Name, Adresse, Knoten oder Alarm</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewWindow.cpp" line="88"/>
        <source>No clusters yet: add one with Cluster → Add cluster… in the main window.</source>
        <translation>Noch keine Cluster: fügen Sie im Hauptfenster einen mit Cluster → Cluster hinzufügen… hinzu.</translation>
    </message>
    <message>
        <location filename="../gui/overview/OverviewWindow.cpp" line="106"/>
        <source>Clusters: %1 · in alarm: %2 · needing attention: %3 · all well: %4</source>
        <translation>Cluster: %1 · im Alarm: %2 · brauchen Aufmerksamkeit: %3 · in Ordnung: %4</translation>
    </message>
</context>
<context>
    <name>baton::ReachabilityPanel</name>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="32"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="40"/>
        <source>Reachability</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="51"/>
        <source>No cluster is open, so no address is probed.</source>
        <translation>Kein Cluster geöffnet, daher wird keine Adresse geprüft.</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="101"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="101"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="101"/>
        <source>Last RTT</source>
        <translation>Letzte RTT</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="101"/>
        <source>Lost (last min)</source>
        <translation>Verloren (letzte Min.)</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="102"/>
        <source>MAC address</source>
        <translation>MAC-Adresse</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="102"/>
        <source>Last 60 seconds</source>
        <translation>Letzte 60 Sekunden</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="119"/>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="225"/>
        <source>DOWN</source>
        <translation>DOWN</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="152"/>
        <source>Each address every %1 ms. %2</source>
        <translation>Jede Adresse alle %1 ms. %2</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="221"/>
        <source>UP</source>
        <translation>UP</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="229"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="236"/>
        <source>No answer and no loss yet</source>
        <translation>Noch keine Antwort und kein Verlust</translation>
    </message>
    <message>
        <location filename="../gui/reach/ReachabilityPanel.cpp" line="246"/>
        <source>%1 % (%2/%3)</source>
        <translation>%1 % (%2/%3)</translation>
    </message>
</context>
<context>
    <name>baton::SplitBrainMonitor</name>
    <message>
        <location filename="../console/alarm/SplitBrainMonitor.cpp" line="36"/>
        <source>node 1</source>
        <translation>Knoten 1</translation>
    </message>
    <message>
        <location filename="../console/alarm/SplitBrainMonitor.cpp" line="37"/>
        <source>node 2</source>
        <translation>Knoten 2</translation>
    </message>
    <message>
        <location filename="../console/alarm/SplitBrainMonitor.cpp" line="111"/>
        <source>Both nodes claim MASTER for vhid %1: %2 since %3, %4 since %5.</source>
        <translation>Beide Knoten beanspruchen MASTER für vhid %1: %2 seit %3, %4 seit %5.</translation>
    </message>
    <message>
        <location filename="../console/alarm/SplitBrainMonitor.cpp" line="116"/>
        <source>The VIP&apos;s MAC address keeps changing between %1: more than one machine answers for it.</source>
        <translation>Die MAC-Adresse der VIP wechselt ständig zwischen %1: Mehr als ein Rechner antwortet für sie.</translation>
    </message>
</context>
<context>
    <name>baton::SshRebooter</name>
    <message>
        <location filename="../deploy/SshRebooter.cpp" line="58"/>
        <source>%1 over SSH as %2@%3 port %4, %5</source>
        <translation>%1 per SSH als %2@%3 Port %4, %5</translation>
    </message>
    <message>
        <location filename="../deploy/SshRebooter.cpp" line="78"/>
        <source>%1 is not logged in</source>
        <translation>%1 ist nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../deploy/SshRebooter.cpp" line="83"/>
        <source>systemctl reboot on %1 failed (exit status %2): %3</source>
        <translation>systemctl reboot auf %1 fehlgeschlagen (Exit-Status %2): %3</translation>
    </message>
    <message>
        <location filename="../deploy/SshRebooter.cpp" line="91"/>
        <source>systemctl reboot on %1: %2</source>
        <translation>systemctl reboot auf %1: %2</translation>
    </message>
</context>
<context>
    <name>baton::TimelineWidget</name>
    <message>
        <location filename="../gui/reach/TimelineWidget.cpp" line="90"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../gui/reach/TimelineWidget.cpp" line="91"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../gui/reach/TimelineWidget.cpp" line="151"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
</context>
<context>
    <name>baton::TrayIcon</name>
    <message>
        <location filename="../gui/tray/TrayIcon.cpp" line="48"/>
        <source>Show Baton</source>
        <translation>Baton anzeigen</translation>
    </message>
    <message>
        <location filename="../gui/tray/TrayIcon.cpp" line="50"/>
        <source>Overview of all clusters</source>
        <translation>Übersicht aller Cluster</translation>
    </message>
    <message>
        <location filename="../gui/tray/TrayIcon.cpp" line="53"/>
        <source>Quit Baton</source>
        <translation>Baton beenden</translation>
    </message>
    <message>
        <location filename="../gui/tray/TrayIcon.cpp" line="123"/>
        <source>Baton: no cluster to watch</source>
        <translation>Baton: kein Cluster zu überwachen</translation>
    </message>
    <message>
        <location filename="../gui/tray/TrayIcon.cpp" line="124"/>
        <source>Baton: clusters watched: %1</source>
        <translation>Baton: überwachte Cluster: %1</translation>
    </message>
    <message>
        <location filename="../gui/tray/TrayIcon.cpp" line="131"/>
        <source>nothing heard yet</source>
        <translation>noch nichts gehört</translation>
    </message>
    <message>
        <location filename="../gui/tray/TrayIcon.cpp" line="132"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../gui/tray/TrayIcon.cpp" line="135"/>
        <source>All well</source>
        <translation>Alles in Ordnung</translation>
    </message>
    <message>
        <location filename="../gui/tray/TrayIcon.cpp" line="138"/>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
</context>
<context>
    <name>baton::VipMacTracker</name>
    <message>
        <location filename="../console/alarm/VipMacTracker.cpp" line="36"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../gui/main.cpp" line="39"/>
        <source>Baton: watch and test a CARP failover pair.</source>
        <translation>Baton: ein CARP-Failover-Paar beobachten und testen.</translation>
    </message>
    <message>
        <location filename="../gui/main.cpp" line="44"/>
        <source>Open this cluster definition (JSON) instead of one from your list; it is not added to the list.</source>
        <translation>Diese Cluster-Definition (JSON) statt einer aus Ihrer Liste öffnen; sie wird der Liste nicht hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../gui/main.cpp" line="49"/>
        <source>Save a picture of the window and exit.</source>
        <translation>Ein Bild des Fensters speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../gui/main.cpp" line="46"/>
        <location filename="../gui/main.cpp" line="50"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../gui/main.cpp" line="53"/>
        <source>Wait this long before the picture of --screenshot or --self-test (default 500).</source>
        <translation>So lange vor dem Bild von --screenshot oder --self-test warten (Standard 500).</translation>
    </message>
    <message>
        <location filename="../gui/main.cpp" line="55"/>
        <source>milliseconds</source>
        <translation>Millisekunden</translation>
    </message>
    <message>
        <location filename="../gui/main.cpp" line="58"/>
        <source>Open the window, check it painted, exit.</source>
        <translation>Fenster öffnen, Darstellung prüfen, beenden.</translation>
    </message>
    <message>
        <location filename="../gui/main.cpp" line="61"/>
        <source>Start with only the tray icon, watching every cluster (for a session&apos;s autostart); without a tray the window shows.</source>
        <translation>Nur mit dem Symbol im Infobereich starten und jeden Cluster überwachen (für den Autostart einer Sitzung); ohne Infobereich erscheint das Fenster.</translation>
    </message>
    <message>
        <location filename="../gui/main.cpp" line="71"/>
        <source>--screenshot-after: expected milliseconds, got &apos;%1&apos;</source>
        <translation>--screenshot-after: Millisekunden erwartet, „%1“ erhalten</translation>
    </message>
    <message>
        <location filename="../gui/main.cpp" line="94"/>
        <source>--start-in-tray: this desktop shows no tray icons, so the window opens</source>
        <translation>--start-in-tray: dieser Desktop zeigt keine Symbole im Infobereich, daher öffnet sich das Fenster</translation>
    </message>
</context>
</TS>
