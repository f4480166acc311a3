import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// First run: the server address, its certificate fingerprint (shown by the server, compared by the
// person, then pinned), the one-time code, and the PIN that will protect everything on the phone.
Page {
    id: root

    title: qsTr("Set up Fieldbook")
    background: Rectangle { color: Theme.page }
    header: PageHeader { title: root.title }

    readonly property bool pinsMatch: pin.text.length >= 4 && pin.text === pinAgain.text

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Your administrator gives you three things: the server address, the server's certificate fingerprint and a one-time code.")
            }
            LabeledField {
                id: server
                objectName: "serverField"
                label: qsTr("Server address")
                placeholder: "https://fieldbook.example.org"
                text: AppController.serverUrl
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
            }
            LabeledField {
                id: fingerprint
                objectName: "fingerprintField"
                label: qsTr("Certificate fingerprint (SHA-256)")
                placeholder: qsTr("64 letters and digits")
                text: AppController.fingerprint
                monospace: true
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            }
            FingerprintCheck {
                Layout.fillWidth: true
                serverUrl: server.text
                onUseRequested: presented => fingerprint.text = presented
            }
            LabeledField {
                id: code
                objectName: "codeField"
                label: qsTr("One-time code")
                placeholder: "XXXX-XXXX-XXXX"
                inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
            }
            LabeledField {
                id: pin
                objectName: "pinField"
                label: qsTr("Choose a PIN (4 to 12 digits)")
                password: true
                inputMethodHints: Qt.ImhDigitsOnly
            }
            LabeledField {
                id: pinAgain
                objectName: "pinAgainField"
                label: qsTr("The same PIN again")
                password: true
                inputMethodHints: Qt.ImhDigitsOnly
                error: text.length > 0 && !root.pinsMatch ? qsTr("The two PINs are not the same.") : ""
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.muted
                text: qsTr("Everything on this phone is encrypted with your PIN. After 5 wrong PINs the data on this phone is erased.")
            }
            Button {
                objectName: "enrolButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch + 8
                highlighted: true
                enabled: !AppController.busy && root.pinsMatch && code.text.length > 0 && server.text.length > 0
                text: AppController.busy ? qsTr("Enrolling…") : qsTr("Enrol this phone")
                Accessible.name: qsTr("Enrol this phone")
                onClicked: AppController.enrol(server.text, fingerprint.text, code.text, pin.text)
            }
        }
    }
}
