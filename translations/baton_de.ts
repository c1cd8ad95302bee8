<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>baton::MainWindow</name>
    <message>
        <source>Baton</source>
        <translation>Baton</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Baton&lt;/h2&gt;&lt;p&gt;No cluster is open.&lt;/p&gt;&lt;p&gt;This build contains the CARP core (codec, state machine, configuration readers); the node view, reachability probes and interface tests come with the agent and window releases.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Baton&lt;/h2&gt;&lt;p&gt;Kein Cluster geöffnet.&lt;/p&gt;&lt;p&gt;Dieser Stand enthält den CARP-Kern (Codec, Zustandsautomat, Konfigurationsleser); Knotenansicht, Erreichbarkeitsprüfung und Schnittstellentests folgen mit den Agent- und Fenster-Versionen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Baton: watch and test a CARP failover pair.</source>
        <translation>Baton: ein CARP-Failover-Paar beobachten und testen.</translation>
    </message>
    <message>
        <source>Save a picture of the window and exit.</source>
        <translation>Ein Bild des Fensters speichern und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Open the window, check it painted, exit.</source>
        <translation>Fenster öffnen, Darstellung prüfen, beenden.</translation>
    </message>
</context>
</TS>
