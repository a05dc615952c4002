; Inno Setup script: the Windows installer of Patroon.
;
; Build on Windows (64-bit Python 3.11+ and Inno Setup 6.3+ installed), from the
; top of the repository:
;
;   py -3.11 -m venv .venv
;   .venv\Scripts\pip install . "pyinstaller>=6.10"
;   .venv\Scripts\pyinstaller --noconfirm --clean packaging\patroon.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\patroon.iss
;
; PyInstaller writes the one-folder program to dist\patroon\ (Patroon.exe, the
; windowed editor, and patroon-cli.exe for `patroon-cli export ...` in a
; terminal); this script packs it into dist\Patroon-<version>-setup.exe.
;
; The installer needs no administrator rights: by default it installs for the
; current user in %LOCALAPPDATA%\Programs\Patroon; "install for all users" is
; offered when the user can elevate.
;
; File association: Windows knows a file's type by its last extension only, so
; *.patroon.yaml is a ".yaml" file to Explorer. The installer adds Patroon to
; "Open with" for .yaml/.yml files and makes it their default program only where
; no other program has claimed YAML (usual on office PCs). Windows 10 and 11 never
; let an installer take over a default another program holds: there the user picks
; Patroon once under "Open with > Choose another app > Always".
;
; Sign Patroon.exe, patroon-cli.exe and the setup with your code-signing
; certificate (signtool, or Inno Setup's SignTool directive) to avoid SmartScreen
; warnings.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Patroon"
#define AppExe "Patroon.exe"
#define ProgId "Patroon.Pattern"

[Setup]
AppId={{1DF683D8-26FD-459A-A877-972DAB1E7A71}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Patroon developers
AppComments=Draw, present and print the vicious circles of a pattern analysis
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=Patroon-{#AppVersion}-setup
SetupIconFile=src\patroon\icons\patroon.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
ShowLanguageDialog=auto

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nl.PatternFile=Patroonbestand
en.PatternFile=Patroon pattern
nl.AssociateTask=Patroon aanbieden voor YAML-bestanden (*.patroon.yaml, *.yaml)
en.AssociateTask=Offer Patroon for YAML files (*.patroon.yaml, *.yaml)
nl.AppComment=Teken, presenteer en print belemmerende patronen
en.AppComment=Draw, present and print the vicious circles of a pattern analysis
nl.Integration=Bestanden:
en.Integration=Files:

[Tasks]
Name: "fileassoc"; Description: "{cm:AssociateTask}"; GroupDescription: "{cm:Integration}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; A new version replaces the old program folder whole: no stale Qt parts.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\patroon\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The program's own file type (ProgID): its name, icon and how to open a file.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PatternFile}"; Flags: uninsdeletekey; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: fileassoc
; In "Open with" for .yaml and .yml files.
Root: HKA; Subkey: "Software\Classes\.yaml\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.yml\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
; The default for YAML only where nothing else is (createvalueifdoesntexist). Left
; in place on uninstall, as another program may have set it since; a default
; naming the removed ProgID makes Windows ask which program to use.
Root: HKA; Subkey: "Software\Classes\.yaml"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: createvalueifdoesntexist; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.yml"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: createvalueifdoesntexist; Tasks: fileassoc
; How "Open with" names the program and which files it offers it for.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".yaml"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".yml"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
