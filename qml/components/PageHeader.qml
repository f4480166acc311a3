import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// The coloured bar at the top of every page: a back or menu button, a title, room for actions and,
// always last, the quick hide (a neutral screen at once, the app locked beneath it).
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
            objectName: root.showBack ? "backButton" : "menuButton"
            visible: root.showBack || root.showMenu
            text: root.showBack ? "‹" : "☰"
            font.pixelSize: Theme.fontSize(root.showBack ? 1.9 : 1.4)
            Layout.preferredWidth: Theme.touch
            Layout.preferredHeight: Theme.touch
            Accessible.name: root.showBack ? qsTr("Back") : qsTr("Menu")
            onClicked: root.showBack ? root.backRequested() : root.menuRequested()
        }
        Label {
            Layout.fillWidth: true
            text: root.title
            font.pixelSize: Theme.fontSize(1.25)
            font.bold: true
            elide: Text.ElideRight
            Accessible.role: Accessible.Heading
            Accessible.name: root.title
        }
        RowLayout {
            id: actionRow
            spacing: 0
        }
        ToolButton {
            objectName: "quickHide"
            text: "◐"
            font.pixelSize: Theme.fontSize(1.4)
            Layout.preferredWidth: Theme.touch
            Layout.preferredHeight: Theme.touch
            Accessible.name: qsTr("Hide the screen")
            Accessible.description: qsTr("Shows a plain screen at once and locks Fieldbook.")
            ToolTip.visible: hovered
            ToolTip.text: Accessible.name
            onClicked: AppController.navigate("hide")
        }
    }
}
