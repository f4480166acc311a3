import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// Sync in detail: progress and what is waiting, which server and pinned certificate, and every
// record the server held back or refused, with the reason, until a person dismisses it.
Page {
    id: root

    signal backRequested()

    title: qsTr("Sync")
    background: Rectangle { color: Theme.page }
    header: PageHeader { title: root.title; showBack: true; onBackRequested: root.backRequested() }

    ListView {
        id: problems
        objectName: "problemList"
        anchors.fill: parent
        anchors.margins: Theme.margin
        clip: true
        spacing: Theme.spacing / 2
        model: SyncController.problems
        Accessible.name: qsTr("Records needing attention")

        header: ColumnLayout {
            width: ListView.view.width
            spacing: Theme.spacing

            SyncStatusCard { Layout.fillWidth: true; showDetails: false }
            Pane {
                objectName: "clockWarning"
                visible: SyncController.clockWarning.length > 0
                Layout.fillWidth: true
                padding: Theme.margin
                Material.background: Theme.warningSurface
                Accessible.role: Accessible.AlertMessage
                Accessible.name: SyncController.clockWarning
                Label {
                    width: parent.width
                    text: "⏱ " + SyncController.clockWarning
                    wrapMode: Text.Wrap
                    color: Theme.warning
                    font.bold: true
                }
            }
            Pane {
                Layout.fillWidth: true
                padding: Theme.margin
                Material.background: Theme.card
                ColumnLayout {
                    width: parent.width
                    spacing: 2
                    Label { text: qsTr("Server"); font.bold: true }
                    Label {
                        objectName: "serverUrl"
                        Layout.fillWidth: true
                        text: AppController.serverUrl.length > 0 ? AppController.serverUrl : qsTr("Not enrolled")
                        wrapMode: Text.WrapAnywhere
                    }
                    Label { text: qsTr("Pinned certificate (SHA-256)"); font.bold: true; Layout.topMargin: Theme.spacing / 2 }
                    Label {
                        Layout.fillWidth: true
                        text: AppController.fingerprintGrouped.length > 0 ? AppController.fingerprintGrouped : "—"
                        font.family: "monospace"
                        font.pixelSize: Theme.smallFontSize
                        wrapMode: Text.Wrap
                        color: Theme.muted
                    }
                    Label { visible: SyncController.serverAnswer.length > 0; text: qsTr("Server answer"); font.bold: true; Layout.topMargin: Theme.spacing / 2 }
                    Label {
                        objectName: "serverAnswer"
                        visible: SyncController.serverAnswer.length > 0
                        Layout.fillWidth: true
                        text: SyncController.serverAnswer
                        font.family: "monospace"
                        wrapMode: Text.WrapAnywhere
                    }
                }
            }
            Label {
                text: SyncController.problems.count > 0 ? qsTr("Needs your attention (%n)", "", SyncController.problems.count) : qsTr("No records held back or refused.")
                font.bold: SyncController.problems.count > 0
                color: SyncController.problems.count > 0 ? Theme.bad : Theme.muted
                Layout.topMargin: Theme.spacing / 2
            }
        }

        delegate: ProblemDelegate {
            width: ListView.view.width
            onDismissed: changeId => SyncController.dismissProblem(changeId)
        }
    }
}
