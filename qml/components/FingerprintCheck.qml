import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// Asks the server which certificate it presents (nothing is sent) and shows the fingerprint in
// groups of four, so a person can compare it with what the administrator gave them.
ColumnLayout {
    id: root

    property string serverUrl

    signal useRequested(string presented)

    spacing: 4

    Button {
        text: qsTr("Show the server's fingerprint")
        flat: true
        enabled: root.serverUrl.length > 0 && !AppController.busy
        Layout.preferredHeight: Theme.touch
        Accessible.name: text
        onClicked: AppController.probeServer(root.serverUrl)
    }
    Pane {
        visible: AppController.presentedFingerprint.length > 0
        Layout.fillWidth: true
        Material.background: Theme.warningSurface
        padding: Theme.spacing
        ColumnLayout {
            width: parent.width
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("The server presents this certificate. Compare every group with the fingerprint from your administrator:")
            }
            Label {
                objectName: "presentedFingerprint"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.family: "monospace"
                font.bold: true
                text: AppController.presentedFingerprint
            }
            Button {
                text: qsTr("It matches: pin it")
                Layout.preferredHeight: Theme.touch
                Accessible.name: text
                onClicked: root.useRequested(AppController.presentedFingerprint.replace(/ /g, ""))
            }
        }
    }
}
