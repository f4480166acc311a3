import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// The coloured bar at the top of every page: a back or menu button, a title and room for actions.
ToolBar {
    id: root

    property string title
    property bool showBack: false
    property bool showMenu: false
    default property alias actions: actionRow.data

    signal backRequested()
    signal menuRequested()

    Material.background: Theme.primary
    Material.foreground: "white"

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: root.showBack || root.showMenu ? 0 : Theme.margin
        spacing: 0

        ToolButton {
            visible: root.showBack || root.showMenu
            text: root.showBack ? "‹" : "☰"
            font.pixelSize: root.showBack ? 30 : 22
            Layout.preferredWidth: Theme.touch
            Layout.preferredHeight: Theme.touch
            Accessible.name: root.showBack ? qsTr("Back") : qsTr("Menu")
            onClicked: root.showBack ? root.backRequested() : root.menuRequested()
        }
        Label {
            Layout.fillWidth: true
            text: root.title
            font.pixelSize: 20
            font.bold: true
            elide: Text.ElideRight
            Accessible.role: Accessible.Heading
            Accessible.name: root.title
        }
        RowLayout {
            id: actionRow
            spacing: 0
        }
    }
}
