import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// The first screen: who I work with, overdue and due first, whether contact is cleared, and sync.
Page {
    id: root

    signal syncRequested()
    signal menuRequested()
    signal caseRequested(string caseId)
    signal concernRequested()

    title: qsTr("My caseload")
    background: Rectangle { color: Theme.page }

    header: PageHeader {
        title: root.title
        showMenu: true
        onMenuRequested: root.menuRequested()
        ToolButton {
            objectName: "raiseConcern"
            visible: AppController.canRaiseConcern
            text: "⚠"
            font.pixelSize: 22
            Layout.preferredWidth: Theme.touch
            Layout.preferredHeight: Theme.touch
            Accessible.name: qsTr("Raise a safeguarding concern")
            ToolTip.visible: hovered
            ToolTip.text: Accessible.name
            onClicked: root.concernRequested()
        }
        ToolButton {
            text: "⟳"
            font.pixelSize: 22
            Layout.preferredWidth: Theme.touch
            Layout.preferredHeight: Theme.touch
            enabled: !SyncController.busy
            Accessible.name: qsTr("Sync now")
            onClicked: SyncController.syncNow()
        }
    }

    // Qt 6.4's qmllint cannot see this file's ids from inside its delegates (there is no
    // ComponentBehavior: Bound before 6.5): bindings there use the delegate's own properties or
    // ListView.view, and a delegate reaches the page's signals through a function.
    ListView {
        id: list
        objectName: "caseloadList"
        anchors.fill: parent
        anchors.margins: Theme.margin
        clip: true
        spacing: Theme.spacing / 2
        model: AppController.caseload
        Accessible.name: qsTr("Caseload")

        header: ColumnLayout {
            width: ListView.view.width
            spacing: Theme.spacing
            SyncStatusCard {
                Layout.fillWidth: true
                onDetailsRequested: () => root.syncRequested()
            }
            Label {
                visible: AppController.caseload.count > 0
                text: AppController.caseload.overdueCount > 0
                      ? qsTr("%n overdue", "", AppController.caseload.overdueCount) : qsTr("Nothing overdue")
                color: AppController.caseload.overdueCount > 0 ? Theme.bad : Theme.good
                font.bold: true
                Layout.bottomMargin: Theme.spacing / 2
            }
        }

        delegate: CaseDelegate {
            width: ListView.view.width
            id: caseRow
            onOpened: () => root.caseRequested(caseRow.caseId)
        }

        Label {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            visible: list.count === 0
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.muted
            text: qsTr("Nobody on your caseload yet.\nSync to fetch the people matched to you.")
        }
    }
}
