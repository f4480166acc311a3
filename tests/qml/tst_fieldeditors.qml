import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// One delegate per field type, each writing its answer back through the form controller: scores
// (RADAR), restrictions (protection check), multiple choice and dates (vetting), yes/no and whole
// numbers (play session), references (consent).
TestCase {
    id: root

    name: "FieldEditors"
    width: 390
    height: 844
    visible: true
    when: windowShown

    Component {
        id: pageComponent
        FormPage { width: 390; height: 844; caseId: "c0000000000000000000000000000001" }
    }

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

    // The first visible control under `item` with this text (a button, check box or radio button).
    function control(item, text) {
        const stack = [item]
        while (stack.length > 0) {
            const next = stack.shift()
            if (next.text === text && next.clicked !== undefined && next.visible)
                return next
            for (let i = 0; i < next.children.length; ++i)
                stack.push(next.children[i])
            if (next.contentItem && next.contentItem !== next)
                stack.push(next.contentItem)
        }
        return null
    }

    // Scrolls the form so that `item` is on screen (the whole guidance may push fields below the
    // fold), then clicks it.
    function reveal(page, item) {
        let flick = item.parent
        while (flick && flick.contentY === undefined)
            flick = flick.parent
        if (!flick)
            return
        const at = item.mapToItem(flick.contentItem, 0, 0)
        flick.contentY = Math.max(0, Math.min(at.y - flick.height / 3, flick.contentHeight - flick.height))
        waitForRendering(page)
    }

    function clickOn(page, item) {
        reveal(page, item)
        mouseClick(item)
    }

    function open(type) {
        const page = createTemporaryObject(pageComponent, root, { recordType: type })
        waitForRendering(page)
        return page
    }

    function test_radarScores() {
        const page = open("radar")
        const field = findByName(page, "field_scores")
        verify(field)
        const four = control(field, "4")
        verify(four, "a score button")
        verify(four.width >= 48)
        mouseClick(four)
        const scores = page.controller.value("scores")
        compare(scores.family_relationships, 4)
        mouseClick(control(findByName(page, "field_stage"), "Exit"))
        compare(page.controller.value("stage"), "exit")
    }

    function test_restrictions() {
        const page = open("protection_check")
        page.controller.setValue("outcome", "restricted")
        const field = findByName(page, "field_restrictions")
        tryVerify(() => field.visible)
        const add = control(field, "Add restriction")
        verify(add)
        waitForRendering(page)
        mouseClick(add)
        const items = page.controller.value("restrictions")
        compare(items.length, 1)
        compare(items[0].kind, "named_person")
    }

    function test_multiChoiceAndDate() {
        const page = open("vetting")
        const training = findByName(page, "field_training")
        mouseClick(control(training, "Safeguarding"))
        mouseClick(control(training, "Data protection"))
        compare(page.controller.value("training").length, 2)
        mouseClick(control(training, "Safeguarding"))
        compare(page.controller.value("training").length, 1)
        mouseClick(control(findByName(page, "field_dbs_checked_at"), "Today"))
        verify(/^\d{4}-\d{2}-\d{2}$/.test(page.controller.value("dbs_checked_at")))
    }

    function test_booleanAndInteger() {
        const page = createTemporaryObject(pageComponent, root,
                                           { recordType: "play_session", personId: "b0000000000000000000000000000002" })
        waitForRendering(page)
        const carer = findByName(page, "field_carer_present")
        const toggle = control(carer, "No")
        verify(toggle)
        clickOn(page, toggle)
        compare(page.controller.value("carer_present"), true)
        const duration = findByName(page, "field_duration_minutes")
        clickOn(page, control(duration, "+"))
        compare(page.controller.value("duration_minutes"), 1)
        mouseClick(control(duration, "+"))
        compare(page.controller.value("duration_minutes"), 2)
    }

    function test_referencesOfferThePeopleOnThePhone() {
        const page = open("consent")
        const about = findByName(page, "field_about")
        verify(about)
        const options = page.controller.fields.count > 0
        verify(options)
        page.controller.setValue("about", "b0000000000000000000000000000002")
        compare(page.controller.value("about"), "b0000000000000000000000000000002")
        verify(findByName(page, "field_recorded_by"))
    }
}
