import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldbook

// What the quick hide shows: a plain screen that says nothing about the charity, a case or a
// person. The app is already locked beneath it; a tap lifts it onto the PIN screen.
Rectangle {
    id: root

    signal revealed()

    color: "#eceff1"
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("Continue")
    Accessible.description: qsTr("Shows the PIN screen.")
    activeFocusOnTab: true
    focus: visible
    Keys.onPressed: event => { event.accepted = true; root.revealed() }

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: "#607d8b"
            font.pixelSize: Theme.fontSize(1.6)
            text: Qt.formatTime(new Date(), Qt.locale().timeFormat(Locale.ShortFormat))
        }
    }
    MouseArea {
        anchors.fill: parent
        onClicked: root.revealed()
    }
}
