"""The online checklist: the pages where focal points and contributors fill in their State's reply."""
