"""The journey scene: mirrors one Journey as items and follows its change events.

The scene reads the model and never writes to it (edits arrive as undo commands, which change
the model, whose events bring the scene up to date). The same scene draws the window and every
picture export.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QTimer, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent

from cjo_desktop.analysis.basis import judged_label
from cjo_desktop.canvas.backdrop import Backdrop
from cjo_desktop.canvas.card import TouchpointCard
from cjo_desktop.canvas.emotion_item import EmotionCurve
from cjo_desktop.canvas.evidence_paint import LEGEND_WIDTH, EvidenceLegend
from cjo_desktop.canvas.flow_item import FlowItem, label_size
from cjo_desktop.canvas.flow_layer import FlowLayer
from cjo_desktop.canvas.free_cards import FreeCardLayer
from cjo_desktop.canvas.lane_chips import LaneChips, lane_chips
from cjo_desktop.canvas.note_items import NoteItem
from cjo_desktop.canvas.overview import FlowOverview
from cjo_desktop.canvas.painpoint_items import PainLegend
from cjo_desktop.canvas.persona_item import PersonaCurves
from cjo_desktop.canvas.scene_selection import SelectionMixin
from cjo_desktop.canvas.stage_header import StageHeader
from cjo_desktop.canvas.text import metrics
from cjo_desktop.domain import Change, Journey, Opportunity, PainPoint, Snapshot
from cjo_desktop.domain.bulk import no_collection
from cjo_desktop.drawing import style
from cjo_desktop.drawing.comment_view import CommentBadges, comment_badges
from cjo_desktop.drawing.evidence_view import assumed_feelings, evidence_fill, evidence_legend
from cjo_desktop.drawing.layout import EMOTION_LANE, Layout, compute_layout
from cjo_desktop.drawing.map_routes import route_map
from cjo_desktop.drawing.metric_view import CardMetric, card_metrics, legend, map_badge_form
from cjo_desktop.drawing.painpoint_view import (
    PainView,
    affects_marks,
    opportunity_tooltip,
    pain_tooltip,
    pain_view,
)

FlowKey = tuple[str, str | None]
#: Between the last lane and the pain-point legend under it.
LEGEND_GAP = 8.0


class JourneyScene(SelectionMixin):
    """Items are kept by model id and reused, so a change to one card moves only what moved."""

    layoutChanged = Signal()
    #: Emitted after Qt has handled a mouse release (so dragged items are where Qt left them).
    mouseReleased = Signal(object)
    #: Pain-point highlighting was switched on or off (the app keeps its menu check in step).
    painpointsVisibleChanged = Signal(bool)
    #: A pain point's or opportunity's note was double-clicked (its id): open its dialog.
    noteActivated = Signal(str)
    #: Colouring by evidence was switched on or off (the app keeps its menu check in step).
    evidenceViewChanged = Signal(bool)
    #: The persona filter changed (a persona's id, or None: all personas).
    personaFilterChanged = Signal(object)

    def __init__(self, parent: object | None = None, *, cached: bool = True) -> None:
        """``cached=False`` for exports: cached cards would reach an SVG or PDF as bitmaps."""
        super().__init__(parent)  # type: ignore[arg-type]
        self._cached = cached
        self.journey: Journey | None = None
        self.layout: Layout | None = None
        self._backdrop = Backdrop()
        if not cached:
            self._backdrop.set_for_export()
        self._curve = EmotionCurve()
        self._overview = FlowOverview()
        self.addItem(self._backdrop)
        self.addItem(self._curve)
        self.addItem(self._overview)
        #: The owners' and metrics lanes' chips, and the metrics the cards show (badge, colour).
        self.chips = LaneChips()
        self.addItem(self.chips)
        self._on_card: tuple[str | None, str | None] = (None, None)
        #: Each persona's curve and the legend, and the persona filter (see persona_item).
        self.persona_curves = PersonaCurves()
        self.addItem(self.persona_curves)
        self._overview_on = False
        self._far = False  # the window's zoom calls for the simple card drawing
        self._pain_legend = PainLegend()
        self._pain_legend.setVisible(False)
        self.addItem(self._pain_legend)
        self._pain_on = True
        self._pain_stale = True  # the marks are kept until an edit can change them
        self._pain_judged: str | None = None  # the snapshot label they were judged on
        #: The pain-point marks on show (empty while highlighting is off).
        self.pain = PainView()
        #: What the cards show of the metrics: a snapshot (None: the latest), the metric on the
        #: badge (None: the snapshot's first) and the metric that colours the cards (None: none).
        self.metric_snapshot: str | None = None
        self.badge_metric: str | None = None
        self.colour_metric: str | None = None
        #: Cards coloured by their evidence instead of a metric, with the legend for it.
        self._evidence_on = False
        self._evidence_legend = EvidenceLegend()
        self._evidence_legend.setVisible(False)
        self.addItem(self._evidence_legend)
        self.cards: dict[str, TouchpointCard] = {}
        self.flows: dict[FlowKey, FlowItem] = {}
        self.headers: dict[str, StageHeader] = {}
        #: Pain points' and opportunities' notes by id; they stay when highlighting is off
        #: (they are what the team wrote; the switch only toggles the marks).
        self.notes: dict[str, NoteItem] = {}
        #: The free cards in their cells and their links to the touchpoints they support.
        self.free = FreeCardLayer(self, for_export=not cached)
        #: Badges of open comments: on screen, and in a picture only when asked for.
        self._comments_on = cached
        self._frozen = 0
        self._pending = False
        #: On screen one item paints every flow (see flow_layer); exports keep the items'
        #: own painting.
        self._flow_layer: FlowLayer | None = None
        if cached:
            self._flow_layer = FlowLayer()
            self.addItem(self._flow_layer)
            self.selectionChanged.connect(self._flow_layer.selection_changed)

    # -------------------------------------------------------------- the model
    def set_journey(self, journey: Journey | None) -> None:
        """Mirror ``journey`` (``None`` clears); connects and disconnects symmetrically."""
        if self.journey is not None:
            self.journey.changed.disconnect(self._on_change)
        self._clear_items()
        self.journey = journey
        if journey is not None:
            journey.changed.connect(self._on_change)
        self._pain_stale = True
        self.relayout()

    def _on_change(self, change: Change) -> None:
        """Coalesce: a macro of fifty edits (or its undo) lays the map out once."""
        if not self._pain_stale and affects_marks(change):
            self._pain_stale = True
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.flush)

    def flush(self) -> None:
        """Bring the items up to date now (callers that read positions right after an edit)."""
        if self._pending:
            self.relayout()

    def _clear_items(self) -> None:
        items = [*self.cards.values(), *self.flows.values(), *self.headers.values()]
        for item in [*items, *self.notes.values()]:
            self.removeItem(item)
        self.notes.clear()
        self.chips.set_chips([])
        self.free.clear()
        self.cards.clear()
        self.flows.clear()
        self.headers.clear()

    # ----------------------------------------------------------------- layout
    def relayout(self) -> None:
        with no_collection():
            laid_out = self._relayout()
        if laid_out:
            self.layoutChanged.emit()

    def _relayout(self) -> bool:
        """Lay out and sync every item; False when there is no map to lay out."""
        self._pending = False
        journey = self.journey
        if journey is None:
            self.layout = None
            self._backdrop.setVisible(False)
            self._curve.setVisible(False)
            self.persona_curves.setVisible(False)
            self._pain_legend.setVisible(False)
            self.pain = PainView()
            return False
        layout = compute_layout(journey)
        self.layout = layout
        self._backdrop.setVisible(True)
        self.persona_curves.setVisible(True)
        self._backdrop.set_layout(layout, journey.title)
        self._sync_headers(journey, layout)
        self._sync_cards(journey, layout)
        self.free.sync(journey, layout, self._evidence_on)
        self._sync_comments(journey)
        self._judge_pain(journey)  # the flows' labels keep clear of the pain outlines
        self._sync_flows(journey, layout)
        m = layout.metrics
        emotion = layout.find_lane(EMOTION_LANE)
        self._curve.setVisible(emotion is not None and not emotion.collapsed)
        if emotion is not None:
            self._curve.set_curve(layout.curve, emotion, layout.grid_left, layout.width - m.margin)
        self._curve.set_assumed(assumed_feelings(journey))
        if self.persona_curves.sync(journey, layout, self.cards):
            self.personaFilterChanged.emit(None)  # the chosen persona is gone
        self._evidence_legend.setVisible(self._evidence_on)
        if self._evidence_on:
            self._evidence_legend.set_entries(evidence_legend(journey))
            right = layout.width - m.margin
            self._evidence_legend.setPos(right - LEGEND_WIDTH, m.margin - 6)
        self._sync_notes(journey, layout)
        self._sync_pain(journey, layout)  # sets the scene's rect, which the legend extends
        if self._overview_on:
            self._overview.set_paths(item.route_path() for item in self.flows.values())
        if self._flow_layer is not None:
            self._flow_layer.take_over(self.flows.values())
        return True

    def set_far(self, far: bool) -> None:
        """The view is zoomed out below legible card text (cards draw their simple look)."""
        if far != self._far:
            self._far = far
            for card in self.cards.values():
                card.set_far(far)
            self.free.set_far(far)

    def set_overview(self, on: bool) -> None:
        """Far out, draw every flow in one hairline path instead of one arrow item each."""
        if on == self._overview_on:
            return
        self._overview_on = on
        if on:
            self._overview.set_paths(item.route_path() for item in self.flows.values())
        for item in self.flows.values():
            item.setVisible(not on)
        self._overview.setVisible(on)
        self.free.set_overview(on)
        if self._flow_layer is not None:  # far out the overview draws every flow
            self._flow_layer.setVisible(not on)

    # ------------------------------------------------------------ pain points
    def set_painpoints_visible(self, on: bool) -> None:
        """Highlight pain points (outline, icon, rank), unchecked rules and emotion dips, with
        their legend; pictures exported from this scene show the same."""
        if on == self._pain_on:
            return
        self._pain_on = on
        self._pain_stale = True
        if self.journey is not None and self.layout is not None:
            self._judge_pain(self.journey)
            self._sync_flows(self.journey, self.layout)  # labels keep clear of outlines
            self._sync_pain(self.journey, self.layout)
        self.painpointsVisibleChanged.emit(on)

    def painpoints_visible(self) -> bool:
        return self._pain_on

    # --------------------------------------------------------------- comments
    def set_comments_visible(self, on: bool) -> None:
        """Badges of open comments on cards and stage headers (pictures leave them out
        unless asked)."""
        if on != self._comments_on:
            self._comments_on = on
            if self.journey is not None:
                self._sync_comments(self.journey)

    def comments_visible(self) -> bool:
        return self._comments_on

    def _sync_comments(self, journey: Journey) -> None:
        badges = comment_badges(journey) if self._comments_on else CommentBadges()
        for tp_id, card in self.cards.items():
            card.set_comments(badges.cards.get(tp_id, 0))
        for stage_id, header in self.headers.items():
            header.set_comments(badges.stages.get(stage_id, 0))
        self.free.set_comments(badges.free_cards)

    def _sync_pain(self, journey: Journey, layout: Layout) -> None:
        """Judge the map (on the snapshot the cards show, or all merged when none is chosen)
        and hand each card, the curve and the legend what to draw; nothing while switched off."""
        self._judge_pain(journey)
        marks = self.pain.marks
        for tp_id, card in self.cards.items():
            card.set_pain(marks.get(tp_id))
        self._sync_badge_form()
        self._curve.set_dips(self.pain.dips)
        self._pain_legend.setVisible(self._pain_on)
        if self._pain_on:
            m = layout.metrics
            right = layout.width - m.margin
            self._pain_legend.set_legend(
                right - layout.grid_left - 24, self.pain.dip_threshold, self.pain.ranked
            )
            # Under the last lane, in the margin the scene grows by: clear of cards, notes and
            # the metric legend in the title row whatever the lanes hold; right of the lane
            # labels, which the report repeats at the left of every part of a wide map.
            self._pain_legend.setPos(layout.grid_left + 12, layout.height - m.margin + LEGEND_GAP)
        self._set_rect(layout)

    def _judge_pain(self, journey: Journey) -> None:
        """Judge the map's pain points again when an edit may change them. They are judged on
        the map's own basis (its setting), not on the snapshot the cards show, so the marks'
        ranks are the pain-point panel's and the report's."""
        label = judged_label(journey)
        if self._pain_stale or self._pain_judged != label:
            self.pain = pain_view(journey, label) if self._pain_on else PainView()
            self._pain_stale, self._pain_judged = False, label

    def _sync_badge_form(self) -> None:
        """One form of the metric badge for every card, chosen once the pain tabs are known."""
        badges = [(c.badge, c.badge_room()) for c in self.cards.values() if c.badge]
        fm = metrics(style.CARD_TEXT_PX, True)
        form = map_badge_form(badges, fm.horizontalAdvance)
        for card in self.cards.values():
            card.set_badge_form(form)
        if self.journey is not None and self.layout is not None:  # the chips show that form
            shown = (self.shown_snapshot(), *self._on_card)
            self.chips.set_chips(lane_chips(self.journey, self.layout, shown, form))

    def _set_rect(self, layout: Layout) -> None:
        height, width = layout.height, layout.width
        if self._pain_legend.isVisible():
            legend = self._pain_legend.sceneBoundingRect()
            height += LEGEND_GAP + legend.height()
            # A narrow map (one empty stage) is narrower than the legend: keep it all in.
            width = max(width, legend.right() + layout.metrics.margin)
        self.setSceneRect(QRectF(0, 0, width, height))

    def _sync_notes(self, journey: Journey, layout: Layout) -> None:
        """A note per manual pain point and per opportunity, where the layout put it."""
        for key in set(self.notes) - set(layout.notes):
            self.removeItem(self.notes.pop(key))
        if not layout.notes:
            return
        names = {t.id: t.name for t in journey.touchpoints()}
        items: list[PainPoint | Opportunity] = [*journey.pain_points(), *journey.opportunities()]
        for item in items:
            rect = layout.notes.get(item.id)
            if rect is None:
                continue
            note = self.notes.get(item.id)
            if note is None:
                note = self.notes[item.id] = NoteItem(item, rect.w, rect.h)
                if self._cached:
                    note.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                self.addItem(note)
            where = names.get(item.touchpoint_id, "")
            if isinstance(item, PainPoint):
                tip = pain_tooltip(item, where)
            else:
                answer = item.pain_point
                if answer in journey and isinstance(journey.item(answer), PainPoint):
                    answer = journey.pain_point(answer).description
                tip = opportunity_tooltip(item, where, answer)
            note.set_item(item, (rect.w, rect.h), tip)
            note.setPos(rect.x, rect.y)

    def _sync_headers(self, journey: Journey, layout: Layout) -> None:
        wanted = {s.id: s for s in journey.stages()}
        for stage_id in set(self.headers) - set(wanted):
            self.removeItem(self.headers.pop(stage_id))
        h = layout.metrics.header_height
        for column in layout.columns:
            stage = wanted[column.stage_id]
            header = self.headers.get(stage.id)
            if header is None:
                header = self.headers[stage.id] = StageHeader(stage)
                if not self._cached:
                    header.set_for_export()
                self.addItem(header)
            header.set_stage(stage, column.width, h, len(journey.touchpoints(stage.id)))
            header.setPos(column.x, layout.header_top)

    def set_metric_view(self, snapshot: str | None, badge: str | None, colour: str | None) -> None:
        self.metric_snapshot, self.badge_metric, self.colour_metric = snapshot, badge, colour
        if colour is not None and self._evidence_on:  # a card has one fill: the metric's now
            self._evidence_on = False
            self.evidenceViewChanged.emit(False)
        self.relayout()

    def set_evidence_view(self, on: bool) -> None:
        """Colour the cards by evidence (observed, assumed, proposed, not stated) with a
        legend, in place of a metric's colours; the badges stay."""
        if on != self._evidence_on:
            self._evidence_on = on
            self.relayout()
            self.evidenceViewChanged.emit(on)

    def evidence_view(self) -> bool:
        return self._evidence_on

    def set_persona_filter(self, persona_id: str | None) -> None:
        """Dim what ``persona_id`` does not use (None: show every persona alike)."""
        if persona_id != self.persona_curves.chosen and self.journey is not None:
            self.persona_curves.choose(persona_id, self.journey, self.cards)
            self.personaFilterChanged.emit(persona_id)

    def shown_snapshot(self) -> Snapshot | None:
        journey = self.journey
        if journey is None:
            return None
        snapshots = {s.label: s for s in journey.metric_snapshots()}
        if self.metric_snapshot in snapshots:
            return snapshots[self.metric_snapshot]
        return list(snapshots.values())[-1] if snapshots else None

    def _card_metrics(self) -> dict[str, CardMetric]:
        snap = self.shown_snapshot()
        if snap is None:
            self._backdrop.set_legend(None)
            return {}
        names = snap.metric_names()
        badge = self.badge_metric if self.badge_metric in names else (names[0] if names else None)
        colour = self.colour_metric if self.colour_metric in names else None
        colour = None if self._evidence_on else colour  # one colouring at a time
        self._on_card = (badge, colour)
        self._backdrop.set_legend(legend(colour, snap) if colour else None)
        return card_metrics(snap, badge, colour)

    def _sync_cards(self, journey: Journey, layout: Layout) -> None:
        valence = {p.touchpoint_id: p.valence for p in layout.curve}
        shown = self._card_metrics()
        touchpoints = {t.id: t for t in journey.touchpoints()}
        for tp_id in set(self.cards) - set(touchpoints):
            self.removeItem(self.cards.pop(tp_id))
        m = layout.metrics
        for tp_id, tp in touchpoints.items():
            card = self.cards.get(tp_id)
            if card is None:
                card = self.cards[tp_id] = TouchpointCard(
                    tp, m.card_width, m.card_height, valence.get(tp_id)
                )
                if not self._cached:
                    card.set_for_export()
                card.set_far(self._far)
                self.addItem(card)
            card.set_touchpoint(tp, valence.get(tp_id))
            metric = shown.get(tp_id)
            fill = evidence_fill(tp.evidence) if self._evidence_on else None
            if metric is None:
                card.set_metric("", fill, "")
            else:
                card.set_metric(metric.badge, fill or metric.fill, metric.tooltip)
            rect = layout.cards[tp_id]
            card.setPos(rect.x, rect.y)

    def _sync_flows(self, journey: Journey, layout: Layout) -> None:
        """Routes and labels come from drawing/ (the GraphML drawing uses the same call);
        run after the pain points are judged, since labels avoid their outlines."""
        flows = {f.key: f for f in journey.flows()}
        for key in set(self.flows) - set(flows):
            self.removeItem(self.flows.pop(key))
        outlined = [tp_id for tp_id, mark in self.pain.marks.items() if mark.severity]
        for key, drawn in route_map(journey, layout, label_size, outlined).items():
            item = self.flows.get(key)
            if item is None:  # routed before it joins the scene: Qt files it once, in place
                item = self.flows[key] = FlowItem(flows[key])
                item.set_route(flows[key], drawn.route, drawn.width, drawn.label)
                item.setVisible(not self._overview_on)
                self.addItem(item)
            else:
                item.set_route(flows[key], drawn.route, drawn.width, drawn.label)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.mouseReleased.emit(event.scenePos())
