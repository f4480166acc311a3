import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Fieldbook

// The phone window: the page stack (enrol, unlock, or the caseload and what opens from it), the
// main menu, and the one banner where errors reach a person.
ApplicationWindow {
    id: root

    width: 390
    height: 844
    visible: true
    title: qsTr("Fieldbook")
    Material.primary: Theme.primary
    Material.accent: Theme.accent
    color: Theme.page

    // The state whose first page the stack shows; a change of state replaces the whole stack.
    property int shownState: -1
    // The first page shown: the roles arrive with the first sync, and change which one it is.
    property var shownStart: null

    function startPage() {
        switch (AppController.state) {
        case AppController.Enrol: return enrolPage
        case AppController.Locked: return unlockPage
        default: return AppController.roles.indexOf("safeguarding_officer") >= 0 ? safeguardingPage
                        : root.managerOnly() ? managerPage
                        : AppController.isCoordinator && !AppController.isPractitioner ? coordinatorPage : caseloadPage
        }
    }

    // A manager without a caseload of their own starts on the monthly report.
    function managerOnly() {
        return AppController.roles.indexOf("manager") >= 0 && !AppController.isPractitioner
               && !AppController.isVolunteer && !AppController.isCoordinator
    }

    function show(page, argument) {
        if (AppController.state !== AppController.Ready)
            return
        const parts = (argument || "").split(":")
        switch (page) {
        case "caseload": stack.pop(null); break
        case "case": stack.push(casePage, { caseId: argument }); break
        case "form": stack.push(formPage, { recordType: parts[0], caseId: parts[1] || "", personId: parts[2] || "",
                                            presets: root.presetsOf(parts, 3) }); break
        case "edit": root.edit(parts[0], parts[1] || "", "", root.presetsOf(parts, 2)); break
        case "record": stack.push(recordPage, { recordType: parts[0], recordId: parts[1] || "" }); break
        case "coordinator": stack.push(coordinatorPage); break
        case "sync": stack.push(syncPage); break
        case "alerts": stack.push(alertsPage); break
        case "safeguarding": stack.push(safeguardingPage); break
        case "report": stack.push(managerPage); break
        case "timeline": stack.push(timelinePage, { caseId: parts[0], focusRota: parts[1] === "rota" }); break
        }
    }

    // Answers given with a page's argument: the JSON object after the `from`-th colon, if any.
    function presetsOf(parts, from) {
        return parts.length > from ? JSON.parse(parts.slice(from).join(":")) : {}
    }

    // An edit of a mutable record (or a pipeline move that needs answers): its form, prefilled.
    function edit(type, recordId, caseId, presets) {
        if (AppController.state === AppController.Ready)
            stack.push(formPage, { recordType: type, recordId: recordId, caseId: type === "case" ? "" : caseId, presets: presets || {} })
    }

    // Dark mode follows the system (main.cpp asks Material for it); Theme's colours follow Material.
    Binding { target: Theme; property: "dark"; value: root.Material.theme === Material.Dark }

    // Above the pages, never over them: new safeguarding work, with no name or detail in it.
    NoticeBanner {
        id: notices
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        onOpenRequested: root.show(AppController.roles.indexOf("safeguarding_officer") >= 0 ? "safeguarding" : "alerts")
    }

    StackView {
        id: stack
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.top: notices.visible ? notices.bottom : parent.top
        initialItem: root.startPage()
        Component.onCompleted: {
            root.shownState = AppController.state
            root.shownStart = root.startPage()
        }
    }

    Connections {
        target: AppController
        function onStateChanged() {
            if (AppController.state === root.shownState)
                return
            root.shownState = AppController.state
            root.shownStart = root.startPage()
            drawer.close()
            stack.replace(null, root.shownStart)
        }
        function onUserChanged() {
            // Roles learnt from the server: a coordinator's, officer's or manager's home replaces
            // the caseload, unless the person has already gone further.
            if (AppController.state !== AppController.Ready || stack.depth !== 1 || root.startPage() === root.shownStart)
                return
            root.shownStart = root.startPage()
            stack.replace(null, root.shownStart)
        }
        function onNavigationRequested(page, argument) { root.show(page, argument) }
    }

    MainDrawer {
        id: drawer
        width: Math.min(root.width * 0.82, 340)
        height: root.height
        interactive: AppController.state === AppController.Ready
        onOpenRequested: (page, argument) => root.show(page, argument)
    }

    Component { id: enrolPage; EnrolPage { objectName: "enrolPage" } }
    Component { id: unlockPage; UnlockPage { objectName: "unlockPage" } }
    Component {
        id: caseloadPage
        CaseloadPage {
            objectName: "caseloadPage"
            onMenuRequested: drawer.open()
            onCaseRequested: caseId => root.show("case", caseId)
            onSyncRequested: root.show("sync")
            onConcernRequested: root.show("form", "safeguarding_report::")
        }
    }
    Component {
        id: casePage
        CasePage {
            onBackRequested: stack.pop()
            onFormRequested: (type, caseId, personId) => root.show("form", type + ":" + caseId + ":" + personId)
            onTimelineRequested: caseId => root.show("timeline", caseId)
            onRecordRequested: (type, id) => root.show("record", type + ":" + id)
            onEditRequested: (type, id, caseId, presets) => root.edit(type, id, caseId, presets)
        }
    }
    Component {
        id: recordPage
        RecordPage {
            objectName: "recordPage"
            onBackRequested: stack.pop()
            onEditRequested: (type, id, caseId, presets) => root.edit(type, id, caseId, presets)
        }
    }
    // Through the gate: a mentoring case's release timeline and rota.
    Component { id: timelinePage; ReleaseTimelinePage { objectName: "releaseTimelinePage"; onBackRequested: stack.pop() } }
    Component {
        id: formPage
        FormPage {
            onDone: stack.pop()
            onFormRequested: (type, caseId, personId, presets) =>
                stack.push(formPage, { recordType: type, caseId: caseId, personId: personId, presets: presets })
        }
    }
    Component {
        id: coordinatorPage
        CoordinatorHomePage {
            objectName: "coordinatorHomePage"
            onMenuRequested: drawer.open()
            onRecordRequested: (type, id) => root.show("record", type + ":" + id)
            onMatchRequested: root.show("form", "match::")
        }
    }
    Component { id: syncPage; SyncPage { onBackRequested: stack.pop() } }
    Component { id: alertsPage; AlertsPage { objectName: "alertsPage"; onBackRequested: stack.pop() } }
    Component {
        id: safeguardingPage
        SafeguardingPage {
            objectName: "safeguardingPage"
            onMenuRequested: drawer.open()
            onCaseRequested: caseId => root.show("case", caseId)
        }
    }
    Component { id: managerPage; ManagerHomePage { objectName: "managerHomePage"; onMenuRequested: drawer.open() } }

    ErrorBanner {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
    }
}
