import QtQuick
import QtQuick.Controls
import Fieldbook

// Narrative text: grows as it is written, with a count when it nears its limit.
TextArea {
    id: root

    property var field
    readonly property string stored: field && field.value ? String(field.value) : ""

    text: stored
    wrapMode: TextEdit.Wrap
    implicitHeight: Math.max(120, contentHeight + topPadding + bottomPadding)
    placeholderText: field ? field.help : ""
    Accessible.name: field ? field.label : ""
    onTextChanged: {
        if (field && text !== stored)
            field.commit(text.length > field.maxLength ? text.substring(0, field.maxLength) : text)
    }
}
