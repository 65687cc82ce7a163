"""The public comment form and the report form."""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.forms import XtdCommentForm

from comments.models import MAX_THREAD_LEVEL, CommentReport, PublicComment, ReportReason, Status
from security.converters import MAX_ID


class CommentTextField(forms.CharField):
    """Counts a line break as one character, as the browser's counter does.

    Browsers submit line breaks as CR LF, which would make a text that fits
    the textarea's maxlength too long on the server.
    """

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class PublicCommentForm(XtdCommentForm):
    """django-comments-xtd's form (security hash, timestamp, honeypot, reply_to) for our model.

    There is no website field: comments are plain text, and a name linking to
    a website only invites spam.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["url"]
        self.fields["comment"] = CommentTextField(max_length=settings.COMMENT_MAX_LENGTH)
        name, email, text = self.fields["name"], self.fields["email"], self.fields["comment"]
        name.label = _("Name")
        name.widget = forms.TextInput(attrs={"autocomplete": "name", "maxlength": name.max_length})
        email.label = _("E-Mail-Adresse")
        email.help_text = _("Wird nicht veröffentlicht.")
        email.widget = forms.EmailInput(attrs={"autocomplete": "email"})
        text.label = _("Kommentar")
        text.max_length = settings.COMMENT_MAX_LENGTH
        text.help_text = _(
            "Nur Text; Links werden automatisch verlinkt. Höchstens %(n)s Zeichen."
        ) % {"n": settings.COMMENT_MAX_LENGTH}
        text.widget = forms.Textarea(
            attrs={"rows": 6, "maxlength": settings.COMMENT_MAX_LENGTH, "data-counter": "true"}
        )
        self.fields["followup"].label = _(
            "Benachrichtigen Sie mich per E-Mail über Antworten auf meinen Kommentar."
        )
        self.fields["followup"].widget.attrs.pop("class", None)
        self.fields["honeypot"].label = _("Dieses Feld bitte leer lassen")
        self.fields["honeypot"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        # reply_to is an id or 0 (no parent). Anything else names no comment, and
        # a number beyond 64 bits would overflow the database's integer binding
        # in clean_reply_to's lookup: refuse it before, with that method's message.
        not_answerable = _("Auf diesen Kommentar kann nicht geantwortet werden.")
        self.fields["reply_to"].validators += [
            MinValueValidator(0, message=not_answerable),
            MaxValueValidator(MAX_ID, message=not_answerable),
        ]
        for field in (name, email, text):
            field.widget.attrs.pop("class", None)
            field.widget.attrs.pop("placeholder", None)

    def get_comment_model(self):
        return PublicComment

    def clean_honeypot(self):
        # A filled honeypot does not reject the post: the comment is stored as
        # spam (the view checks ``honeypot_filled``), so a human who filled it
        # by accident loses nothing.
        return self.cleaned_data["honeypot"]

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.cleaned_data.get("honeypot"))

    def clean_reply_to(self):
        parent_pk = self.cleaned_data["reply_to"]
        if not parent_pk:
            return 0
        target = self.target_object
        parent = PublicComment.objects.filter(
            pk=parent_pk,
            content_type=ContentType.objects.get_for_model(target),
            object_pk=force_str(target.pk),
            status=Status.APPROVED,
        ).first()
        if parent is None:
            raise forms.ValidationError(_("Auf diesen Kommentar kann nicht geantwortet werden."))
        # At the deepest level a reply joins its parent's conversation instead.
        if parent.level >= MAX_THREAD_LEVEL:
            return parent.parent_id
        return parent.pk

    def get_comment_create_data(self, site_id=None):
        return {
            "content_type": ContentType.objects.get_for_model(self.target_object),
            "object_pk": force_str(self.target_object.pk),
            "user_name": self.cleaned_data["name"].strip(),
            "user_email": self.cleaned_data["email"].strip(),
            "user_url": "",
            "comment": self.cleaned_data["comment"].strip(),
            "submit_date": timezone.now(),
            "site_id": site_id or settings.SITE_ID,
            "is_public": False,
            "is_removed": False,
            "parent_id": self.cleaned_data["reply_to"],
            "followup": self.cleaned_data["followup"],
        }

    def refresh_security_data(self):
        """A bound copy with a new timestamp and hash, for a form left open too long."""
        data = self.data.copy()
        data.update(self.generate_security_data())
        return type(self)(self.target_object, data=data)


class ReportForm(forms.ModelForm):
    """A reader's report of a comment (DSA Art. 16): reason, explanation, good faith."""

    good_faith = forms.BooleanField(
        required=True,
        error_messages={
            "required": _("Bitte bestätigen Sie, dass Sie die Meldung in gutem Glauben abgeben.")
        },
        label=_(
            "Ich bestätige, dass meine Angaben nach bestem Wissen richtig und vollständig sind."
        ),
    )

    class Meta:
        model = CommentReport
        fields = ["reason", "explanation", "reporter_name", "reporter_email", "good_faith"]
        widgets = {
            "reason": forms.RadioSelect,
            "explanation": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        }
        labels = {
            "reporter_name": _("Ihr Name (freiwillig)"),
            "reporter_email": _("Ihre E-Mail-Adresse (freiwillig)"),
            "explanation": _("Begründung"),
        }
        help_texts = {
            "reporter_email": _(
                "Dann erhalten Sie eine Eingangsbestätigung und unsere Entscheidung."
            ),
            "explanation": _(
                "Warum sollte der Kommentar entfernt werden? "
                "Bei rechtswidrigen Inhalten bitte genau begründen."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = ReportReason.choices

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("reason") == ReportReason.ILLEGAL
            and not cleaned.get("explanation", "").strip()
        ):
            self.add_error(
                "explanation",
                _("Bitte erklären Sie, warum der Inhalt rechtswidrig sein könnte."),
            )
        return cleaned
