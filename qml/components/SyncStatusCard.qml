import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// What sync did last, what is waiting, progress while it runs, and a big button to sync now.
Pane {
    id: root

    property bool showDetails: true

    signal detailsRequested()

    padding: Theme.margin
    Material.elevation: 1
    Material.background: Theme.card

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Rectangle {
                width: 12
                height: 12
                radius: 6
                color: SyncController.busy ? Theme.warning : SyncController.lastSucceeded ? Theme.good : Theme.muted
                Accessible.ignored: true
            }
            Label {
                objectName: "syncStatus"
                Layout.fillWidth: true
                text: SyncController.status
                wrapMode: Text.Wrap
                font.bold: true
            }
        }
        Label {
            objectName: "waitingLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: SyncController.waitingCount > 0 ? Theme.warning : Theme.muted
            text: (SyncController.waitingCount > 0 ? qsTr("%n record(s) waiting to be sent", "", SyncController.waitingCount)
                                                   : qsTr("Nothing waiting to be sent"))
                  + " · " + qsTr("last sync %1").arg(SyncController.lastSyncText)
                  + (SyncController.retryText.length > 0 ? " · " + SyncController.retryText : "")
            font.pixelSize: Theme.smallFontSize
        }
        ProgressBar {
            objectName: "syncProgress"
            Layout.fillWidth: true
            visible: SyncController.busy
            from: 0
            to: 1
            value: SyncController.progress
            Accessible.name: qsTr("Sync progress")
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Button {
                objectName: "syncButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch + 8
                text: SyncController.busy ? qsTr("Syncing…") : qsTr("Sync now")
                enabled: !SyncController.busy
                highlighted: true
                Accessible.name: qsTr("Sync now")
                onClicked: SyncController.syncNow()
            }
            Button {
                visible: root.showDetails
                Layout.preferredHeight: Theme.touch + 8
                text: SyncController.problems.count > 0 ? qsTr("%n issue(s)", "", SyncController.problems.count) : qsTr("Details")
                flat: true
                Material.foreground: SyncController.problems.count > 0 ? Theme.bad : undefined
                Accessible.name: qsTr("Sync details")
                onClicked: root.detailsRequested()
            }
        }
    }
}
