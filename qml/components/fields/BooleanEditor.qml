import QtQuick
import QtQuick.Controls
import Fieldbook

// Yes or no.
Switch {
    id: root

    property var field

    checked: field ? field.value === true : false
    text: checked ? qsTr("Yes") : qsTr("No")
    implicitHeight: Theme.touch
    Accessible.name: field ? field.label : ""
    onToggled: field.commit(checked)
}
