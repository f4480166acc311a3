import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Fieldbook

// The phone window: the page stack (enrol, unlock, or the caseload and what opens from it), the
// main menu, and the one banner where errors reach a person.
ApplicationWindow {
    id: root

    width: 360
    height: 844
    visible: true
    title: qsTr("Fieldbook")
    Material.primary: Theme.primary
    Material.accent: Theme.accent
    color: Theme.page
    // Every control's text: the phone's size times the person's choice (Theme.baseFontSize).
    font.pixelSize: Theme.baseFontSize

    // The state whose first page the stack shows; a change of state replaces the whole stack.
    property int shownState: -1
    // The first page shown: the roles arrive with the first sync, and change which one it is.
    property var shownStart: null
    // The quick hide: a neutral screen over everything until a person taps it (the app is locked
    // underneath by then, so the tap leads to the PIN).
    property bool covered: false

    function hasRole(role) {
        const roles = AppController.roles
        for (let i = 0; i < roles.length; ++i) {
            if (roles[i] === role)
                return true
        }
        return false
    }

    function startPage() {
        switch (AppController.state) {
        case AppController.Enrol: return enrolPage
        case AppController.Locked: return unlockPage
        default: return root.hasRole("safeguarding_officer") ? safeguardingPage
                        : root.managerOnly() ? managerPage
                        : AppController.isCoordinator && !AppController.isPractitioner ? coordinatorPage : caseloadPage
        }
    }

    // A manager without a caseload of their own starts on the monthly report.
    function managerOnly() {
        return root.hasRole("manager") && !AppController.isPractitioner
               && !AppController.isVolunteer && !AppController.isCoordinator
    }

    // Connects what a page may ask for (each page declares only the signals it needs).
    function wire(page) {
        if (!page)
            return page
        const on = (name, handler) => { if (page[name] !== undefined) page[name].connect(handler) }
        on("backRequested", () => root.back())
        on("done", () => root.back())
        on("menuRequested", () => drawer.open())
        on("syncRequested", () => root.show("sync"))
        on("concernRequested", () => root.show("form", "safeguarding_report::"))
        on("matchRequested", () => root.show("form", "match::"))
        on("caseRequested", caseId => root.show("case", caseId))
        on("timelineRequested", caseId => root.show("timeline", caseId))
        on("recordRequested", (type, id) => root.show("record", type + ":" + id))
        on("editRequested", (type, id, caseId, presets) => root.edit(type, id, caseId, presets))
        on("formRequested", (type, caseId, personId, presets) =>
            root.push(formPage, { recordType: type, caseId: caseId, personId: personId, presets: presets || {} }))
        return page
    }

    function push(component, properties) {
        return root.wire(stack.push(component, properties || {}))
    }

    function restart(component) {
        root.shownStart = component
        return root.wire(stack.replace(null, component))
    }

    // Back (Android Back, Esc, Alt+Left, the header's arrow): the menu first, then the page.
    function back() {
        if (drawer.opened) {
            drawer.close()
            return true
        }
        if (stack.depth > 1 && !stack.busy) {
            stack.pop()
            return true
        }
        return false
    }

    // One tap from any header: a neutral screen at once, and the app locked beneath it.
    function quickHide() {
        root.covered = true
        drawer.close()
        if (AppController.state === AppController.Ready)
            AppController.lock()
    }

    function show(page, argument) {
        if (page === "hide") {
            root.quickHide()
            return
        }
        if (AppController.state !== AppController.Ready)
            return
        const parts = (argument || "").split(":")
        switch (page) {
        case "caseload": stack.pop(null); break
        case "case": root.push(casePage, { caseId: argument }); break
        case "form": root.push(formPage, { recordType: parts[0], caseId: parts[1] || "", personId: parts[2] || "",
                                           presets: root.presetsOf(parts, 3) }); break
        case "edit": root.edit(parts[0], parts[1] || "", "", root.presetsOf(parts, 2)); break
        case "record": root.push(recordPage, { recordType: parts[0], recordId: parts[1] || "" }); break
        case "coordinator": root.push(coordinatorPage); break
        case "sync": root.push(syncPage); break
        case "alerts": root.push(alertsPage); break
        case "safeguarding": root.push(safeguardingPage); break
        case "report": root.push(managerPage); break
        case "settings": root.push(settingsPage); break
        case "timeline": root.push(timelinePage, { caseId: parts[0], focusRota: parts[1] === "rota" }); break
        }
    }

    // Answers given with a page's argument: the JSON object after the `from`-th colon, if any.
    function presetsOf(parts, from) {
        return parts.length > from ? JSON.parse(parts.slice(from).join(":")) : {}
    }

    // An edit of a mutable record (or a pipeline move that needs answers): its form, prefilled.
    function edit(type, recordId, caseId, presets) {
        if (AppController.state === AppController.Ready)
            root.push(formPage, { recordType: type, recordId: recordId, caseId: type === "case" ? "" : caseId, presets: presets || {} })
    }

    // Android's Back arrives as a close request when nothing took the key: it goes back a page
    // instead of leaving while there is somewhere to go back to.
    onClosing: close => {
        if (root.back())
            close.accepted = false
    }

    Shortcut {
        sequences: ["Esc", "Back", "Alt+Left"]
        enabled: !root.covered
        onActivated: root.back()
    }

    // Dark mode follows the system (main.cpp asks Material for it); Theme's colours follow Material.
    Binding { target: Theme; property: "dark"; value: root.Material.theme === Material.Dark }

    // Above the pages, never over them: new safeguarding work, with no name or detail in it.
    NoticeBanner {
        id: notices
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        onOpenRequested: root.show(root.hasRole("safeguarding_officer") ? "safeguarding" : "alerts")
    }

    StackView {
        id: stack
        objectName: "pageStack"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: errors.top
        anchors.top: notices.visible ? notices.bottom : parent.top
        Component.onCompleted: {
            root.shownState = AppController.state
            root.restart(root.startPage())
        }
    }

    Connections {
        target: AppController
        function onStateChanged() {
            if (AppController.state === root.shownState)
                return
            root.shownState = AppController.state
            drawer.close()
            root.restart(root.startPage())
        }
        function onUserChanged() {
            // Roles learnt from the server: a coordinator's, officer's or manager's home replaces
            // the caseload, unless the person has already gone further.
            if (AppController.state !== AppController.Ready || stack.depth !== 1 || root.startPage() === root.shownStart)
                return
            root.restart(root.startPage())
        }
        function onNavigationRequested(page, argument) {
            drawer.close()
            root.show(page, argument)
        }
    }

    MainDrawer {
        id: drawer
        width: Math.min(root.width * 0.82, 340)
        height: root.height
        interactive: AppController.state === AppController.Ready
        onOpenRequested: (page, argument) => root.show(page, argument)
    }

    // The pages. Their signals are connected in wire() (the window's own scope), so that no page
    // reaches into the window and every page is pushed the same way.
    Component { id: enrolPage; EnrolPage { objectName: "enrolPage" } }
    Component { id: unlockPage; UnlockPage { objectName: "unlockPage" } }
    Component { id: caseloadPage; CaseloadPage { objectName: "caseloadPage" } }
    Component { id: casePage; CasePage { objectName: "casePage" } }
    Component { id: recordPage; RecordPage { objectName: "recordPage" } }
    // Through the gate: a mentoring case's release timeline and rota.
    Component { id: timelinePage; ReleaseTimelinePage { objectName: "releaseTimelinePage" } }
    Component { id: formPage; FormPage { objectName: "formPage" } }
    Component { id: coordinatorPage; CoordinatorHomePage { objectName: "coordinatorHomePage" } }
    Component { id: syncPage; SyncPage { objectName: "syncPage" } }
    Component { id: alertsPage; AlertsPage { objectName: "alertsPage" } }
    Component { id: safeguardingPage; SafeguardingPage { objectName: "safeguardingPage" } }
    Component { id: managerPage; ManagerHomePage { objectName: "managerHomePage" } }
    Component { id: settingsPage; SettingsPage { objectName: "settingsPage" } }

    // Below the pages, never over a form's buttons: it takes its own room while it shows.
    ErrorBanner {
        id: errors
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }

    HiddenCover {
        objectName: "hiddenCover"
        anchors.fill: parent
        visible: root.covered
        onRevealed: root.covered = false
    }
}
