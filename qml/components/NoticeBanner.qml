import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// "1 new safeguarding item": new alerts and C1 reports since the last look, with no name or
// detail in it. Tapping it opens where they are and marks them seen.
Pane {
    id: root

    property var board: NoticeBoard { }
    signal openRequested()

    objectName: "noticeBanner"
    visible: board.count > 0
    padding: Theme.margin / 2
    Material.background: Theme.badSurface
    Material.elevation: 4

    RowLayout {
        width: parent.width
        Label {
            objectName: "noticeText"
            text: "⚠ " + root.board.text
            font.bold: true
            color: Theme.bad
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "noticeOpen"
            text: qsTr("Open")
            flat: true
            onClicked: {
                root.board.dismiss()
                root.openRequested()
            }
        }
    }
}
