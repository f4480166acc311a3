import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Fieldbook

// A yes/no question with plain words and big buttons.
Dialog {
    id: root

    property alias text: message.text
    property string acceptText: qsTr("OK")

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.margin : 360, 360)
    standardButtons: Dialog.Ok | Dialog.Cancel
    Component.onCompleted: standardButton(Dialog.Ok).text = Qt.binding(() => root.acceptText)

    Label {
        id: message
        width: parent.width
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Dialog
        Accessible.name: root.title + ". " + text
    }
}
