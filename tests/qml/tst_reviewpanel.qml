import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// The review of one held record: which record, why held, who wrote it and when; release and keep
// held stay off until the note passes the core's rule (ten characters, trimmed), then send the
// decision with the note.
TestCase {
    id: root

    name: "ReviewPanel"
    width: 390
    height: 600
    visible: true
    when: windowShown

    ReviewController { id: review }
    Component {
        id: panelComponent
        ReviewPanel {
            width: 390
            changeId: "c0ffee00000000000000000000000001"
            title: "Session report · Irina"
            why: "A public protection restriction covers this contact."
            author: "author 3fa2b1"
            receivedAt: "3 Mar 10:00"
            reviewed: ""
            problem: review.textProblem(note, "note")
        }
    }
    SignalSpy { id: decisionSpy; signalName: "decisionRequested" }

    function findByName(item, name) {
        if (!item)
            return null
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByName(item.children[i], name)
            if (found)
                return found
        }
        if (item.contentItem && item.contentItem !== item)
            return findByName(item.contentItem, name)
        return null
    }

    function test_noteRule_data() {
        return [
            { tag: "empty", note: "", ok: false },
            { tag: "nine characters", note: "123456789", ok: false },
            { tag: "ten characters padded with spaces", note: "   short    ", ok: false },
            { tag: "ten characters", note: "0123456789", ok: true },
            { tag: "a sentence", note: "Checked with the police: phone contact only.", ok: true },
        ]
    }

    function test_noteRule(data) {
        const panel = createTemporaryObject(panelComponent, root)
        findByName(panel, "noteField").text = data.note
        compare(findByName(panel, "releaseButton").enabled, data.ok)
        compare(findByName(panel, "keepHeldButton").enabled, data.ok)
        compare(review.minimumTextLength, 10)
    }

    function test_decisionCarriesTheNote() {
        const panel = createTemporaryObject(panelComponent, root)
        decisionSpy.target = panel
        decisionSpy.clear()
        findByName(panel, "noteField").text = "Court order confirmed; keep it held."
        mouseClick(findByName(panel, "keepHeldButton"))
        compare(decisionSpy.count, 1)
        compare(decisionSpy.signalArguments[0][0], "c0ffee00000000000000000000000001")
        compare(decisionSpy.signalArguments[0][1], "keep_held")
        compare(decisionSpy.signalArguments[0][2], "Court order confirmed; keep it held.")
        findByName(panel, "noteField").text = "Restriction lifted by the court today."
        mouseClick(findByName(panel, "releaseButton"))
        compare(decisionSpy.signalArguments[1][1], "release")
    }
}
