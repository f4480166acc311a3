import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// The main menu: who is signed in, the safeguarding report (always here, never blocked), the
// forms this person may start on their own, sync, lock and erase.
Drawer {
    id: root

    signal openRequested(string page, string argument)

    function hasRole(role) {
        const roles = AppController.roles
        for (let i = 0; i < roles.length; ++i) {
            if (roles[i] === role)
                return true
        }
        return false
    }

    function go(page, argument) {
        close()
        openRequested(page, argument || "")
    }

    // The menu scrolls: a practitioner's forms alone outgrow a phone's height, and Sync and Lock
    // must stay reachable.
    Flickable {
        id: scroller
        objectName: "drawerScroller"
        anchors.fill: parent
        contentHeight: menu.height
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}

    ColumnLayout {
        id: menu
        width: scroller.width
        height: Math.max(implicitHeight, scroller.height)
        spacing: 0

        Pane {
            Layout.fillWidth: true
            padding: Theme.margin
            Material.background: Theme.primary
            Material.foreground: "white"
            ColumnLayout {
                width: parent.width
                Label { text: AppController.userName || qsTr("Fieldbook"); font.pixelSize: Theme.fontSize(1.25); font.bold: true }
                Label { text: AppController.rolesText; opacity: 0.85; wrapMode: Text.Wrap; Layout.fillWidth: true }
            }
        }
        ItemDelegate {
            Layout.fillWidth: true
            text: qsTr("My caseload")
            Accessible.name: text
            onClicked: root.go("caseload")
        }
        ItemDelegate {
            Layout.fillWidth: true
            visible: AppController.isCoordinator
            text: qsTr("Volunteers and matches")
            Accessible.name: text
            onClicked: root.go("coordinator")
        }
        ItemDelegate {
            Layout.fillWidth: true
            visible: root.hasRole("safeguarding_officer")
            text: qsTr("Safeguarding: reports, review, break the glass")
            Accessible.name: text
            onClicked: root.go("safeguarding")
        }
        ItemDelegate {
            Layout.fillWidth: true
            text: qsTr("Alerts")
            Accessible.name: text
            onClicked: root.go("alerts")
        }
        ItemDelegate {
            Layout.fillWidth: true
            visible: root.hasRole("manager")
            text: qsTr("Monthly report")
            Accessible.name: text
            onClicked: root.go("report")
        }
        Repeater {
            model: AppController.menuForms
            delegate: ItemDelegate {
                id: formItem
                required property var modelData
                Layout.fillWidth: true
                text: formItem.modelData.recordType === "safeguarding_report" ? qsTr("⚠ Raise a safeguarding concern") : qsTr("New: %1").arg(formItem.modelData.title)
                font.bold: formItem.modelData.recordType === "safeguarding_report"
                Material.foreground: formItem.modelData.recordType === "safeguarding_report" ? Theme.bad : undefined
                Accessible.name: text
                onClicked: AppController.navigate("form", formItem.modelData.recordType + "::")
            }
        }
        ItemDelegate {
            Layout.fillWidth: true
            text: SyncController.waitingCount > 0 ? qsTr("Sync (%1 waiting)").arg(SyncController.waitingCount) : qsTr("Sync")
            Accessible.name: text
            onClicked: root.go("sync")
        }
        ItemDelegate {
            objectName: "menuSettings"
            Layout.fillWidth: true
            text: qsTr("Settings: language, text size, PIN")
            Accessible.name: text
            onClicked: root.go("settings")
        }
        Item { Layout.fillHeight: true }
        ItemDelegate {
            Layout.fillWidth: true
            text: qsTr("Lock now")
            Accessible.name: text
            onClicked: { root.close(); AppController.lock() }
        }
        ItemDelegate {
            Layout.fillWidth: true
            text: qsTr("Erase Fieldbook from this phone…")
            Material.foreground: Theme.bad
            Accessible.name: text
            onClicked: eraseDialog.open()
        }
    }
    }

    ConfirmDialog {
        id: eraseDialog
        title: qsTr("Erase this phone?")
        text: qsTr("Every record on this phone is deleted, including %n record(s) not yet sent.", "", SyncController.waitingCount)
        acceptText: qsTr("Erase")
        onAccepted: { root.close(); AppController.eraseThisPhone() }
    }
}
