import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// The lock screen: a PIN pad with big keys. Nothing on the phone can be read until the PIN is right.
Page {
    id: root

    title: qsTr("Fieldbook is locked")
    background: Rectangle { color: Theme.page }
    header: PageHeader { title: root.title }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 320)
        spacing: Theme.margin

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Enter your PIN")
            font.pixelSize: 22
            font.bold: true
        }
        PinPad {
            id: pad
            objectName: "pinPad"
            Layout.alignment: Qt.AlignHCenter
            onSubmitted: pin => { AppController.unlock(pin); pad.clear() }
        }
        Label {
            objectName: "attemptsLabel"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            visible: AppController.attemptsLeft < 5
            color: Theme.bad
            text: qsTr("%n attempt(s) left before the data on this phone is erased.", "", AppController.attemptsLeft)
        }
    }
}
