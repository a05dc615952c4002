<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DocumentFiles</name>
    <message numerus="yes">
        <location filename="../gui/files.py" line="473"/>
        <source>%n step(s) made from the list in %1</source>
        <translation>
            <numerusform>%n step made from the list in %1</numerusform>
            <numerusform>%n steps made from the list in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorStatusBar</name>
    <message numerus="yes">
        <location filename="../gui/statusbar.py" line="57"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/statusbar.py" line="60"/>
        <source>%n step(s) pasted</source>
        <translation>
            <numerusform>%n step pasted</numerusform>
            <numerusform>%n steps pasted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Spoken</name>
    <message numerus="yes">
        <location filename="../gui/accessibility.py" line="31"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
</context>
</TS>
