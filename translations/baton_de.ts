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
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Baton&lt;/h2&gt;&lt;p&gt;No cluster is open.&lt;/p&gt;&lt;p&gt;This build contains the failover agent &lt;tt&gt;batond&lt;/tt&gt; and the &lt;tt&gt;batonctl&lt;/tt&gt; tool; the node view, reachability probes and one-click interface tests come with the window release.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Baton&lt;/h2&gt;&lt;p&gt;Kein Cluster geöffnet.&lt;/p&gt;&lt;p&gt;Dieser Stand enthält den Failover-Agenten &lt;tt&gt;batond&lt;/tt&gt; und das Werkzeug &lt;tt&gt;batonctl&lt;/tt&gt;; Knotenansicht, Erreichbarkeitsprüfung und Schnittstellentests per Klick folgen mit der Fenster-Version.&lt;/p&gt;</translation>
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
