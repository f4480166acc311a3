import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldbook

// A moment shown as local date and time, stored as UTC (YYYY-MM-DDTHH:MM:SSZ), with a Now button.
RowLayout {
    id: root

    property var field
    readonly property var moment: field && field.value ? new Date(field.value) : null

    function store(dateText, timeText) {
        const parsed = new Date(dateText + "T" + (timeText.length === 5 ? timeText : "00:00") + ":00")
        if (isNaN(parsed.getTime()))
            field.commit(dateText + "T" + timeText)
        else
            field.commit(parsed.toISOString().substring(0, 19) + "Z")
    }

    spacing: 8

    TextField {
        id: day
        Layout.fillWidth: true
        implicitHeight: Theme.touch + 4
        text: root.moment ? Qt.formatDate(root.moment, "yyyy-MM-dd") : ""
        placeholderText: qsTr("YYYY-MM-DD")
        Accessible.name: qsTr("%1, date").arg(root.field ? root.field.label : "")
        onEditingFinished: root.store(day.text, time.text)
    }
    TextField {
        id: time
        Layout.preferredWidth: 84
        implicitHeight: Theme.touch + 4
        text: root.moment ? Qt.formatTime(root.moment, "HH:mm") : ""
        placeholderText: qsTr("HH:MM")
        inputMethodHints: Qt.ImhTime
        Accessible.name: qsTr("%1, time").arg(root.field ? root.field.label : "")
        onEditingFinished: root.store(day.text, time.text)
    }
    Button {
        text: qsTr("Now")
        flat: true
        implicitHeight: Theme.touch
        Accessible.name: qsTr("Set %1 to now").arg(root.field ? root.field.label : "")
        onClicked: root.field.commit(new Date().toISOString().substring(0, 19) + "Z")
    }
}
